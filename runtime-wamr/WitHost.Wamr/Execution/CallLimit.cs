using System.Diagnostics;

namespace WitHost.Wamr.Execution;

/// <summary>What limits one outermost call: an absolute deadline (in <see cref="Stopwatch"/>
/// ticks), the timeout it came from, and a token.</summary>
internal readonly record struct CallLimit(long Deadline, TimeSpan Timeout, CancellationToken Token)
{
    public const long NoDeadline = long.MaxValue;

    public static CallLimit None => new(NoDeadline, System.Threading.Timeout.InfiniteTimeSpan, default);

    public bool IsNone => Deadline == NoDeadline && !Token.CanBeCanceled;

    /// <summary>The deadline <paramref name="timeout"/> from now.</summary>
    public static long DeadlineAfter(TimeSpan timeout) =>
        Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
}
