using WitHost.Wamr.Execution;

namespace WitHost.Wamr.Tests;

/// <summary>
/// When the gate is biased again: at once for a thread calling alone, never for threads that take
/// turns call by call once a revocation was paid, and after runs that double with each revocation.
/// </summary>
public sealed class BiasRunTests
{
    [Fact]
    public void A_thread_calling_alone_gets_the_bias_at_its_first_exit()
    {
        var run = new BiasRun();
        Assert.True(run.ShouldBias(1));
        Assert.True(run.ShouldBias(1));
    }

    [Fact]
    public void Threads_taking_turns_call_by_call_are_not_biased_after_one_revocation()
    {
        var run = new BiasRun();
        Assert.True(run.ShouldBias(1));
        run.CountRevocation();
        for (int i = 0; i < 10_000; i++)
        {
            Assert.False(run.ShouldBias(2 + i % 2));
        }
    }

    [Fact]
    public void Each_revocation_doubles_the_run_a_thread_needs_for_the_bias()
    {
        var run = new BiasRun();
        for (int revocations = 1; revocations <= 5; revocations++)
        {
            run.CountRevocation();
            // Another thread's exit ends the run, which starts again with this thread.
            Assert.False(run.ShouldBias(2));
            int exits = 1;
            while (!run.ShouldBias(1))
            {
                exits++;
            }

            Assert.Equal(1 << revocations, exits);
        }
    }

    [Fact]
    public void The_run_a_thread_needs_stops_doubling()
    {
        var run = new BiasRun();
        for (int i = 0; i < 100; i++)
        {
            run.CountRevocation();
        }
        int exits = 1;
        while (!run.ShouldBias(1))
        {
            exits++;
        }

        Assert.Equal(1 << 16, exits);
    }
}
