using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// The CPU time of the calling thread (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), as a
/// BenchmarkDotNet clock. On a shared machine a wall clock also counts the time the benchmark's
/// thread waited for a core while other processes ran, which varies with their load from run to
/// run and between the benchmarks of one run; the thread's CPU time counts only the time it ran.
/// Every engine runs the guest on the calling thread, so for guest code and calls this is the
/// work each engine does. It is not for work other threads do (Wasmtime compiles on several).
/// </summary>
internal sealed unsafe partial class ThreadCpuClock : IClock
{
    public static readonly ThreadCpuClock Instance = new();

    private const int ClockThreadCpuTimeId = 3;

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency { get; } = new(1_000_000_000);

    public long GetTimestamp()
    {
        TimeSpec time;
        if (ClockGetTime(ClockThreadCpuTimeId, &time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}.");
        }
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clock, TimeSpec* time);
}
