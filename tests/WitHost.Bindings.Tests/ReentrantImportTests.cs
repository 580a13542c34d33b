using Example.Roundtrip.Types;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A host import whose implementation calls back into the same guest before it returns: the guest
/// may grow its memory in that call, which moves it (WAMR reallocates memory on growth), so the
/// import entry must look the memory up again before it stores its result.
/// </summary>
public sealed class ReentrantImportTests : IClassFixture<RoundtripGuest>
{
    private readonly RoundtripGuest _guest;

    public ReentrantImportTests(RoundtripGuest guest) => _guest = guest;

    [Fact]
    public void A_result_lowered_after_the_implementation_grew_the_guests_memory_arrives_intact()
    {
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        var before = guest.Instance.Memory.Length;
        var calledBack = false;
        host.Answer = argument =>
        {
            // Once, from inside the import entry (after it read its argument, before it stores its
            // result): 8 MiB through cabi_realloc and back grows the guest's memory by megabytes.
            if (!calledBack)
            {
                calledBack = true;
                Assert.Equal(8 << 20, guest.Echoes.EchoString(new string('x', 8 << 20)).Length);
            }

            // No string in the answer, so nothing is reallocated before the entry writes it through
            // the guest's out-pointer: only a fresh look at the memory puts it where the guest reads.
            // (The nested echo-string call of the callback gets its own argument back.)
            return argument is Result<string, Level> ? Result<string, Level>.Err(Level.High) : argument;
        };

        Assert.Equal(Result<string, Level>.Err(Level.High), guest.Echoes.EchoResultBoth(Result<string, Level>.Ok("héllo 🌍, a string argument read from memory")));
        Assert.True(calledBack);
        Assert.True(guest.Instance.Memory.Length > before + (8 << 20), $"memory grew from {before} to {guest.Instance.Memory.Length} bytes");
    }
}
