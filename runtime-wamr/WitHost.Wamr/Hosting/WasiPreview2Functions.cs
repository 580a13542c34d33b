using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using WitHost.Wamr.Binary;
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
/// the instance's <see cref="WasiOptions"/>, and <c>exit</c>. A host's own definition of any of
/// them wins.
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
        [(Exit, "exit")] = ([new WitResultType(null, null)], null),
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
            // As WASI preview1's proc_exit in WAMR: the guest's work ends and the export returns.
            return static call => call.Instance.RequestExit();
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
        (Random, "get-random-bytes") => arguments => Bytes(RandomNumberGenerator.GetBytes(Length(arguments[0]))),
        (Random, "get-random-u64") => _ => Integer(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)))),
        (Insecure, "get-insecure-random-bytes") => arguments => Bytes(InsecureBytes(Length(arguments[0]))),
        (Insecure, "get-insecure-random-u64") => _ => Integer(BitConverter.ToUInt64(InsecureBytes(sizeof(ulong)))),
        (InsecureSeed, "insecure-seed") => _ => Tuple(
            Integer(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)))),
            Integer(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong))))),
        (MonotonicClock, "now") => _ => Integer((ulong)((Int128)Stopwatch.GetTimestamp() * NanosecondsPerSecond / Stopwatch.Frequency)),
        (MonotonicClock, "resolution") => _ => Integer((ulong)Math.Max(1, NanosecondsPerSecond / Stopwatch.Frequency)),
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

    private static int Length(WitValue length)
    {
        var value = ((WitIntegerValue)length).Value;
        return value <= Array.MaxLength
            ? (int)value
            : throw new ArgumentOutOfRangeException(nameof(length), $"{value} random bytes were asked for; at most {Array.MaxLength} can be given.");
    }

    private static byte[] InsecureBytes(int length)
    {
        var bytes = new byte[length];
        System.Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static WitValue Bytes(byte[] bytes) => new WitListValue([.. bytes.Select(b => (WitValue)new WitIntegerValue(b))]);

    private static WitValue Integer(ulong value) => new WitIntegerValue(value);

    private static WitValue Tuple(WitValue first, WitValue second) => new WitTupleValue(ImmutableArray.Create(first, second));

    private static WitValue DateTime(TimeSpan sinceEpoch) => Tuple(
        Integer((ulong)(sinceEpoch.Ticks / TimeSpan.TicksPerSecond)),
        new WitIntegerValue(sinceEpoch.Ticks % TimeSpan.TicksPerSecond * 100));
}
