using Example.Roundtrip.Types;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Generated calls are bounded through the instance they expose: a deadline that passes while a
/// host import runs stops the guest as soon as it resumes, and a token cancelled beforehand stops
/// the generated call before the guest runs.
/// </summary>
public sealed class GeneratedCallDeadlineTests : IClassFixture<RoundtripGuest>
{
    private readonly RoundtripGuest _guest;

    public GeneratedCallDeadlineTests(RoundtripGuest guest) => _guest = guest;

    [Fact]
    public void A_deadline_that_passes_during_a_host_import_stops_the_generated_call()
    {
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        host.Answer = argument =>
        {
            Thread.Sleep(200);
            return argument;
        };

        using (guest.Instance.Deadline(TimeSpan.FromMilliseconds(20)))
        {
            var timeout = Assert.Throws<WasmTimeoutException>(() => guest.Echoes.EchoResultBoth(Result<string, Level>.Ok("late")));
            Assert.Equal(TimeSpan.FromMilliseconds(20), timeout.Timeout);
        }
        Assert.True(guest.Instance.IsFaulted);
    }

    [Fact]
    public void A_token_cancelled_before_the_generated_call_stops_it_before_the_guest_runs()
    {
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        using (guest.Instance.Cancellation(new CancellationToken(canceled: true)))
        {
            Assert.Throws<OperationCanceledException>(() => guest.Echoes.EchoResultBoth(Result<string, Level>.Ok("never")));
        }
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(Result<string, Level>.Ok("after"), guest.Echoes.EchoResultBoth(Result<string, Level>.Ok("after")));
    }
}
