using Example.Roundtrip.Types;

namespace WitHost.Bindings.Tests;

/// <summary>
/// One instance called by many threads at once through generated bindings. A whole call (lower,
/// invoke, lift, post-return) must own the instance: the round-trip guest returns its strings
/// through one static return area, frees blocks in post-return and grows its memory when a string
/// is large, so any interleaving of two calls reads another call's string, or memory that moved.
/// </summary>
public sealed class SharedInstanceBindingsTests : IClassFixture<RoundtripGuest>
{
    private const int ThreadCount = 8;
    private const int CallsPerThread = 4_000;

    private readonly RoundtripGuest _guest;

    public SharedInstanceBindingsTests(RoundtripGuest guest) => _guest = guest;

    [Fact]
    public void Many_threads_calling_one_instance_each_get_their_own_strings_back()
    {
        // The host implementation runs on each calling thread inside its call: it must not record.
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        using var start = new Barrier(ThreadCount);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var threads = Enumerable.Range(0, ThreadCount).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            start.SignalAndWait();
            for (var i = 0; i < CallsPerThread && failures.IsEmpty; i++)
            {
                // Mostly short strings; now and then a long one, which grows (and so moves) memory.
                var length = i % 97 == 0 ? random.Next(64 << 10, 1 << 20) : random.Next(1, 64);
                var text = string.Create(length, (t, i), static (span, state) =>
                {
                    span.Fill((char)('a' + state.t));
                    state.i.TryFormat(span, out _);
                });
                try
                {
                    var echoed = guest.Echoes.EchoString(text);
                    if (echoed != text)
                    {
                        failures.Enqueue($"thread {t} call {i}: sent {length} chars, got {echoed.Length} starting '{echoed[..Math.Min(16, echoed.Length)]}'");
                    }
                }
                catch (Exception e)
                {
                    failures.Enqueue($"thread {t} call {i}: {e.GetType().Name}: {e.Message}");
                }
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
        Assert.False(guest.Instance.IsFaulted);
        Assert.Equal(Result<string, Level>.Ok("after"), guest.Echoes.EchoResultBoth(Result<string, Level>.Ok("after")));
    }
}
