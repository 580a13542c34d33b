using Example.Roundtrip.Types;
using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A host import whose implementation calls back into the instance that called it. A call of a
/// WIT export (generated or dynamic) is refused with a trap, as the Component Model's
/// <c>canon lift</c> refuses to re-enter an instance that is on the stack; a core call keeps
/// core WebAssembly's rules and runs, and may grow and move the guest's memory, so the import
/// entry looks the memory up again before it stores its result.
/// </summary>
public sealed class ReentranceTests : IClassFixture<RoundtripGuest>
{
    private const string EchoU32Export = "example:roundtrip/echoes#echo-u32";

    private readonly RoundtripGuest _guest;

    public ReentranceTests(RoundtripGuest guest) => _guest = guest;

    [Fact]
    public void A_generated_export_call_from_inside_an_import_of_the_same_instance_traps()
    {
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        Exception? refused = null;
        var ranInside = false;
        host.Answer = argument =>
        {
            refused = Record(() => { guest.Echoes.EchoU32(7); ranInside = true; });
            return argument;
        };

        var trap = Assert.Throws<WasmTrapException>(() => guest.Echoes.EchoString("outer"));

        Assert.False(ranInside);
        var inner = Assert.IsType<WasmTrapException>(refused);
        Assert.StartsWith("re-entrance: ", inner.TrapMessage, StringComparison.Ordinal);
        Assert.Contains($"'{EchoU32Export}'", inner.TrapMessage, StringComparison.Ordinal);
        Assert.Contains("'example:roundtrip/roundtrip'", inner.TrapMessage, StringComparison.Ordinal);
        // The host function's exception became the guest's trap, so the outer call reports it too.
        Assert.Contains("re-entrance", trap.Message, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
        Assert.Throws<WasmInstanceFaultedException>(() => guest.Echoes.EchoU32(1));
    }

    [Fact]
    public void The_trap_stands_even_when_the_host_swallows_it()
    {
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        host.Answer = argument =>
        {
            Record(() => guest.Echoes.EchoU32(7));
            return argument;
        };

        // The import returned normally, but the guest does not run on after a trap: the outer
        // call ends with it.
        var trap = Assert.Throws<WasmTrapException>(() => guest.Echoes.EchoU32(5));
        Assert.StartsWith("re-entrance: ", trap.TrapMessage, StringComparison.Ordinal);
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_dynamic_export_call_from_inside_an_import_of_the_same_instance_traps()
    {
        var echoU32 = RoundtripFunction("echoes", "echo-u32");
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        Exception? refused = null;
        host.Answer = argument =>
        {
            refused = Record(() => DynamicExportCall.Invoke(guest.Instance, EchoU32Export, echoU32, [new WitIntegerValue(7)]));
            return argument;
        };

        Assert.Throws<WasmTrapException>(() => guest.Echoes.EchoString("outer"));

        var inner = Assert.IsType<WasmTrapException>(refused);
        Assert.StartsWith("re-entrance: ", inner.TrapMessage, StringComparison.Ordinal);
        Assert.Contains($"'{EchoU32Export}'", inner.TrapMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_calls_one_after_another_from_the_host_run()
    {
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);

        // Each call has ended when the next starts: the instance is on no stack.
        Assert.Equal("first", guest.Echoes.EchoString("first"));
        Assert.Equal(7u, guest.Echoes.EchoU32(7));
        Assert.Equal("second", guest.Echoes.EchoString("second"));
        Assert.False(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_result_lowered_after_a_core_call_from_the_import_grew_the_guests_memory_arrives_intact()
    {
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        var before = guest.Instance.Memory.Length;
        var calledBack = false;
        host.Answer = argument =>
        {
            // Once, from inside the import entry (after it read its argument, before it stores its
            // result): a core call of cabi_realloc for 8 MiB grows the guest's memory by megabytes.
            if (!calledBack)
            {
                calledBack = true;
                var block = guest.Instance.GetFunction(WamrInstance.ReallocName)
                    .Invoke(WasmValue.FromInt32(0), WasmValue.FromInt32(0), WasmValue.FromInt32(1), WasmValue.FromInt32(8 << 20));
                Assert.NotEqual(0u, (uint)block[0].Bits);
            }

            // No string in the answer, so nothing is reallocated before the entry writes it through
            // the guest's out-pointer: only a fresh look at the memory puts it where the guest reads.
            return argument is Result<string, Level> ? Result<string, Level>.Err(Level.High) : argument;
        };

        Assert.Equal(Result<string, Level>.Err(Level.High), guest.Echoes.EchoResultBoth(Result<string, Level>.Ok("héllo 🌍, a string argument read from memory")));
        Assert.True(calledBack);
        Assert.True(guest.Instance.Memory.Length >= before + (8 << 20), $"memory grew from {before} to {guest.Instance.Memory.Length} bytes");
    }

    private static Exception? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static WitFunction RoundtripFunction(string interfaceName, string functionName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("WitHost.slnx not found above " + AppContext.BaseDirectory);
        }

        var resolution = WitResolver.ResolvePath(Path.Combine(directory.FullName, "wit", "roundtrip.wit"));
        return resolution.Root!.FindInterface(interfaceName)!.Functions.Single(function => function.Name == functionName);
    }
}
