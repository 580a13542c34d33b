using WitHost.Wamr.Async;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;

namespace WitHost.Async.Tests;

/// <summary>error-context values made by the guest and by the host, and their debug messages.</summary>
public sealed class ErrorContextTests
{
    [Theory]
    [InlineData("disk full")]
    [InlineData("")]
    [InlineData("naïve ✓ 𝄞")]
    public void A_guest_reads_back_the_debug_message_of_the_error_context_it_made(string message)
    {
        using var guest = new AsyncGuest();
        var result = DynamicExportCall.Invoke(guest.Instance, AsyncGuest.Tools + "error-roundtrip", AsyncWorld.Export("tools", "error-roundtrip"), [new WitStringValue(message)]);
        Assert.Equal(new WitStringValue(message), result);
    }

    [Fact]
    public void The_host_lifts_an_error_context_the_guest_returns()
    {
        using var guest = new AsyncGuest();
        var handle = Assert.IsType<WitHandleValue>(DynamicExportCall.Invoke(guest.Instance, AsyncGuest.Tools + "make-error", AsyncWorld.Export("tools", "make-error"), [new WitStringValue("no route to host")]));
        Assert.Equal("no route to host", ErrorContexts.Lift(guest.Instance, handle.Handle, "make-error").DebugMessage);
    }

    [Fact]
    public void A_guest_reads_the_debug_message_of_an_error_context_the_host_lowered()
    {
        using var guest = new AsyncGuest();
        var handle = ErrorContexts.Lower(guest.Instance, new ErrorContext("from the host"));
        var result = DynamicExportCall.Invoke(guest.Instance, AsyncGuest.Tools + "error-message", AsyncWorld.Export("tools", "error-message"), [new WitHandleValue(handle)]);
        Assert.Equal(new WitStringValue("from the host"), result);

        // The guest dropped its handle: lifting it again is a trap.
        var trap = Assert.Throws<WasmTrapException>(() => ErrorContexts.Lift(guest.Instance, handle, "error-message"));
        Assert.Contains($"{handle} is not a live handle of this instance", trap.TrapMessage);
    }
}
