using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using WitHost.Wamr.Binary;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Hosting;

/// <summary>
/// The WASI 0.2 functions the runtime serves itself, for guests whose main module imports them
/// directly rather than through the preview1 adapter (Rust's <c>wasm32-wasip2</c> standard library
/// seeds its hash maps and reads its clocks this way). Only functions that use no resources:
/// randomness, the two clocks' <c>now</c> and <c>resolution</c>, the command-line environment from
/// the instance's <see cref="WasiOptions"/>, and <c>exit</c> and <c>exit-with-code</c> (their
/// status is <see cref="WamrInstance.ExitStatus"/>). A host's own definition of any of them wins.
/// </summary>
internal static class WasiPreview2Functions
{
    private const string Random = "wasi:random/random";
    private const string Insecure = "wasi:random/insecure";
    private const string InsecureSeed = "wasi:random/insecure-seed";
    private const string MonotonicClock = "wasi:clocks/monotonic-clock";
    private const string WallClock = "wasi:clocks/wall-clock";
    private const string Environment = "wasi:cli/environment";
    private const string Exit = "wasi:cli/exit";

    private static readonly WitType s_bytes = new WitListType(WitPrimitiveType.U8);
    private static readonly WitType s_exitResult = new WitResultType(null, null);
    // wall-clock's datetime { seconds: u64, nanoseconds: u32 } has the Canonical ABI layout of
    // this tuple, so it is lowered as one (a record type would need an owning interface).
    private static readonly WitType s_datetime = new WitTupleType(EquatableArray.Create<WitType>(WitPrimitiveType.U64, WitPrimitiveType.U32));

    // The WIT signatures, from the wasi 0.2 packages (types inlined: instant and duration are u64).
    private static readonly Dictionary<(string Interface, string Function), (WitType[] Parameters, WitType? Result)> s_signatures = new()
    {
        [(Random, "get-random-bytes")] = ([WitPrimitiveType.U64], s_bytes),
        [(Random, "get-random-u64")] = ([], WitPrimitiveType.U64),
        [(Insecure, "get-insecure-random-bytes")] = ([WitPrimitiveType.U64], s_bytes),
        [(Insecure, "get-insecure-random-u64")] = ([], WitPrimitiveType.U64),
        [(InsecureSeed, "insecure-seed")] = ([], new WitTupleType(EquatableArray.Create<WitType>(WitPrimitiveType.U64, WitPrimitiveType.U64))),
        [(MonotonicClock, "now")] = ([], WitPrimitiveType.U64),
        [(MonotonicClock, "resolution")] = ([], WitPrimitiveType.U64),
        [(WallClock, "now")] = ([], s_datetime),
        [(WallClock, "resolution")] = ([], s_datetime),
        [(Environment, "get-environment")] = ([], new WitListType(new WitTupleType(EquatableArray.Create<WitType>(WitPrimitiveType.String, WitPrimitiveType.String)))),
        [(Environment, "get-arguments")] = ([], new WitListType(WitPrimitiveType.String)),
        [(Environment, "initial-cwd")] = ([], new WitOptionType(WitPrimitiveType.String)),
        [(Exit, "exit")] = ([s_exitResult], null),
        [(Exit, "exit-with-code")] = ([WitPrimitiveType.U8], null),
    };

    /// <summary>The core type of the served function a guest imports as (<paramref name="module"/>, <paramref name="name"/>), or null when none is served by that name.</summary>
    public static FunctionType? CoreType(string module, string name) =>
        Signature(module, name) is { } signature
            ? CoreFunctionTypes.From(CoreFunctionSignature.For(signature.Parameters, signature.Result, AbiDirection.Lower))
            : null;

    /// <summary>
    /// The host function serving (<paramref name="module"/>, <paramref name="name"/>) for an
    /// instance whose guest sees <paramref name="wasi"/>, or null when none is served by that name.
    /// </summary>
    public static HostFunction? Find(string module, string name, WasiOptions wasi)
    {
        if (Signature(module, name) is not { } signature)
        {
            return null;
        }
        var @interface = Interface(module)!;
        if (@interface == Exit)
        {
            return ExitFunction(module + "::" + name, signature.Parameters[0]);
        }
        if (name is "get-random-bytes" or "get-insecure-random-bytes")
        {
            return RandomBytes(module + "::" + name, secure: @interface == Random);
        }
        return DynamicHostImport.Create(signature.Parameters, signature.Result, Implementation(@interface, name, wasi));
    }

    private static (WitType[] Parameters, WitType? Result)? Signature(string module, string name) =>
        Interface(module) is { } @interface && s_signatures.TryGetValue((@interface, name), out var signature) ? signature : null;

    /// <summary>The interface a core import module names without its version, when the version is a 0.2 one or absent; else null.</summary>
    private static string? Interface(string module)
    {
        int at = module.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return module;
        }
        return module.AsSpan(at + 1).StartsWith("0.2.", StringComparison.Ordinal) ? module[..at] : null;
    }

    private static Func<IReadOnlyList<WitValue>, WitValue?> Implementation(string @interface, string name, WasiOptions wasi) => (@interface, name) switch
    {
        (Random, "get-random-u64") => _ => Integer(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)))),
        (Insecure, "get-insecure-random-u64") => _ => Integer(InsecureUInt64()),
        (InsecureSeed, "insecure-seed") => _ => Tuple(
            Integer(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)))),
            Integer(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong))))),
        (MonotonicClock, "now") => _ => Integer((ulong)((Int128)Stopwatch.GetTimestamp() * NanosecondsPerSecond / Stopwatch.Frequency)),
        (MonotonicClock, "resolution") => _ => Integer(TickNanoseconds(Stopwatch.Frequency)),
        (WallClock, "now") => _ => DateTime(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch),
        // DateTimeOffset counts in ticks of 100 ns.
        (WallClock, "resolution") => _ => DateTime(TimeSpan.FromTicks(1)),
        (Environment, "get-environment") => _ => new WitListValue([.. wasi.Environment.Select(v => Tuple(new WitStringValue(v.Key), new WitStringValue(v.Value)))]),
        (Environment, "get-arguments") => _ => new WitListValue([.. wasi.Arguments.Select(a => (WitValue)new WitStringValue(a))]),
        // WAMR's WASI has no working directory of its own to report (preopens are reached by
        // their own paths), and neither has WasiOptions.
        (Environment, "initial-cwd") => _ => WitOptionValue.None,
        _ => throw new InvalidOperationException($"No implementation of '{@interface}' '{name}'."),
    };

    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>
    /// The duration of one tick of a clock counting <paramref name="frequency"/> ticks a second,
    /// in whole nanoseconds: rounded up (a 3.579545 MHz timer ticks every 279.4 ns, so no
    /// reading is finer than 280), and at least 1.
    /// </summary>
    internal static ulong TickNanoseconds(long frequency) => (ulong)Math.Max(1, (NanosecondsPerSecond + frequency - 1) / frequency);

    /// <summary>
    /// <c>get-random-bytes</c> and <c>get-insecure-random-bytes</c> (core: the length, then the
    /// result's out-pointer), made straight in the guest's memory. The guest names the length, so
    /// nothing of that length is made on the host: lowered as a dynamic <c>list&lt;u8&gt;</c>, each
    /// byte would be an object of its own, and a guest could make the host allocate dozens of
    /// gigabytes with one call. A length past the Canonical ABI's list limit traps before anything
    /// is allocated; the guest's <c>cabi_realloc</c> bounds the rest by its own memory.
    /// </summary>
    private static HostFunction RandomBytes(string functionName, bool secure) => call =>
    {
        var length = call.GetUInt64(0);
        var resultPointer = call.GetUInt32(1);
        var context = BindingSupport.Context(call.Instance, StringEncoding.Utf8, functionName);
        if (length > CanonicalRules.MaxByteLength)
        {
            throw context.Trap($"{length} random bytes were asked for; a list holds at most {CanonicalRules.MaxByteLength} bytes");
        }

        context.CheckRange(resultPointer, 8, 4, "the result");
        var pointer = BindingSupport.AllocateList(context, (int)length, 1, 1);
        var bytes = context.Slice(pointer, (uint)length);
        if (secure)
        {
            RandomNumberGenerator.Fill(bytes);
        }
        else
        {
            System.Random.Shared.NextBytes(bytes);
        }

        context.WriteUnsigned(resultPointer, 4, pointer);
        context.WriteUnsigned(resultPointer + 4, 4, length);
    };

    /// <summary>
    /// <c>exit(status: result)</c> and <c>exit-with-code(status-code: u8)</c>: the argument is
    /// lifted as any other (a result's case other than 0 or 1 traps; a u8 is the low 8 bits of
    /// its i32, as the Canonical ABI lifts it), then the guest's work ends with the status
    /// wasmtime gives: ok 0, err 1, a code itself.
    /// </summary>
    private static HostFunction ExitFunction(string functionName, WitType parameter) => call =>
    {
        var context = BindingSupport.Context(call.Instance, StringEncoding.Utf8, functionName);
        var status = CanonicalLift.LiftValues(context, [parameter], [call.GetArgument(0)], CoreFunctionSignature.MaxFlatParams)[0] switch
        {
            WitResultValue result => result.IsOk ? 0 : 1,
            WitIntegerValue code => (int)code.Value,
            var other => throw new InvalidOperationException($"{functionName} lifted {other}."),
        };
        call.Instance.RequestExit(status);
    };

    private static ulong InsecureUInt64()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        System.Random.Shared.NextBytes(bytes);
        return BitConverter.ToUInt64(bytes);
    }

    private static WitValue Integer(ulong value) => new WitIntegerValue(value);

    private static WitValue Tuple(WitValue first, WitValue second) => new WitTupleValue(ImmutableArray.Create(first, second));

    /// <summary>
    /// A wall-clock <c>datetime</c> (seconds and nanoseconds since the Unix epoch) of
    /// <paramref name="sinceEpoch"/>. A host clock set before 1970 gives the epoch itself: the
    /// record counts unsigned seconds, so an earlier time has no value the guest could be given,
    /// and a guest asking the time must not trap for the host's setting.
    /// </summary>
    internal static WitValue DateTime(TimeSpan sinceEpoch)
    {
        long ticks = Math.Max(sinceEpoch.Ticks, 0);
        return Tuple(
            Integer((ulong)(ticks / TimeSpan.TicksPerSecond)),
            new WitIntegerValue(ticks % TimeSpan.TicksPerSecond * 100));
    }
}
