using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace WitHost.Wamr.Tests;

/// <summary>
/// A chain of calls between guest and host (a host function calling into its guest, which calls
/// the host again, without end) must end in a trap whatever the operand stack size and whatever
/// thread runs it. Each case runs in a child process (tests/WitHost.Wamr.StackProbe), so a native
/// stack overflow fails the test instead of ending the test host.
/// </summary>
public sealed class NativeStackTests
{
    [Theory]
    [InlineData(64, "main")]
    [InlineData(512, "main")]
    [InlineData(65536, "main")]
    [InlineData(128, "1536")]
    [InlineData(4096, "512")]
    [InlineData(4096, "256")]
    [InlineData(4096, "132")]
    public void Endless_guest_host_recursion_is_a_trap(int operandStackKiB, string thread)
    {
        var (exitCode, output) = RunProbe(operandStackKiB, thread);

        Assert.True(exitCode == 0, $"the probe exited with {exitCode}:\n{output}");
        Assert.Matches("^trap .*(wasm operand stack overflow|native stack exhausted)", output);
    }

    [Fact]
    public void Endless_recursion_on_the_test_thread_is_a_trap_too()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        var imports = new Hosting.HostImports().Define(CoreGuest.HostModule, "add", call =>
            call.SetResult(call.Instance.Invoke("call-host-add", 1, 2)[0].AsInt32()));
        using var instance = module.Instantiate(imports, new InstanceOptions { StackSize = 4 << 20 });

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("call-host-add", 1, 2));

        var innermost = (Exception)trap;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }
        Assert.Equal(WamrInstance.NativeStackExhaustedMessage, Assert.IsType<WasmTrapException>(innermost).TrapMessage);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public void A_call_from_deep_in_the_host_stack_is_a_trap_after_calls_from_shallower_passed()
    {
        // The stack check of a core call is remembered per thread from the depth where it passed:
        // a call from higher up needs no new check, one from further down does. Here the host
        // itself recurses (no guest in between, whose host calls check the stack on their own)
        // until .NET says its stack is short, having called the guest on the way down.
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate(CoreGuest.DefaultImports());
        WasmTrapException? trap = null;
        int shallowCalls = 0;
        var thread = new Thread(() => trap = CallWithTheStackShort(instance, ref shallowCalls), 1 << 20);
        thread.Start();
        thread.Join();

        Assert.True(shallowCalls > 10, $"only {shallowCalls} calls were made before the stack ran short");
        Assert.NotNull(trap);
        Assert.Equal(WamrInstance.NativeStackExhaustedMessage, trap.TrapMessage);
        Assert.True(instance.IsFaulted);
    }

    /// <summary>Calls the guest at every level of a host recursion while .NET has stack to spare,
    /// then once where it has not; returns that call's trap.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WasmTrapException? CallWithTheStackShort(WamrInstance instance, ref int shallowCalls)
    {
        Span<byte> frame = stackalloc byte[4096];
        frame[0] = 1;
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());
            shallowCalls++;
            return CallWithTheStackShort(instance, ref shallowCalls);
        }
        try
        {
            instance.Invoke("add-i32", 1, 2);
            return null;
        }
        catch (WasmTrapException e)
        {
            return e;
        }
    }

    private static (int ExitCode, string Output) RunProbe(int operandStackKiB, string thread)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "WitHost.Wamr.StackProbe.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", probe, operandStackKiB.ToString(), thread])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            return (-1, "the probe did not end within 2 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
