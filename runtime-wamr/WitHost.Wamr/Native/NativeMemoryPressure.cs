namespace WitHost.Wamr.Native;

/// <summary>
/// The native memory the process's instances hold (linear memory and operand stacks), told to
/// the garbage collector in whole steps of <see cref="Step"/> as the total moves, rather than
/// each instance's share as it comes and goes.
/// </summary>
/// <remarks>
/// <para>The pressure exists so that instances a host forgets to dispose are finalized before
/// their native memory piles up. The garbage collector counts the pressure <em>added</em> since
/// its last full collection and starts another at every 4 MiB or so, whatever was removed in
/// between: reported per instance, a host that makes and disposes an instance per request
/// (about 200 KiB each) caused a full collection every 20 instances with nothing to collect
/// (docs/benchmarks.md, the footprint). Reported as the total held, in steps, instances that are
/// disposed as fast as they are made move the total by less than a step and add nothing; every
/// step of memory that forgotten (or merely live) instances accumulate is still added, so the
/// collector sees them as before, at most one step late.</para>
/// <para>The lock only orders the arithmetic; the collector is told outside it, because adding
/// pressure may run a collection, whose finalizers release instances here.</para>
/// </remarks>
internal static class NativeMemoryPressure
{
    /// <summary>The granularity of what the collector is told: 1 MiB, a quarter of its smallest budget.</summary>
    internal const long Step = 1L << 20;

    private static readonly Lock s_gate = new();
    private static long s_held;
    private static long s_reported;

    /// <summary>Bytes the live instances hold now.</summary>
    internal static long HeldBytes
    {
        get
        {
            lock (s_gate)
            {
                return s_held;
            }
        }
    }

    /// <summary>Bytes the collector has been told of and not told back.</summary>
    internal static long ReportedBytes
    {
        get
        {
            lock (s_gate)
            {
                return s_reported;
            }
        }
    }

    /// <summary>An instance now holds <paramref name="bytes"/> more.</summary>
    public static void Add(long bytes)
    {
        long add;
        lock (s_gate)
        {
            s_held += bytes;
            add = (s_held - s_reported) / Step * Step;
            s_reported += add;
        }
        if (add > 0)
        {
            GC.AddMemoryPressure(add);
        }
    }

    /// <summary>An instance gave back <paramref name="bytes"/> it held.</summary>
    public static void Remove(long bytes)
    {
        long remove;
        lock (s_gate)
        {
            s_held -= bytes;
            remove = (s_reported - s_held) / Step * Step;
            s_reported -= remove;
        }
        if (remove > 0)
        {
            GC.RemoveMemoryPressure(remove);
        }
    }
}
