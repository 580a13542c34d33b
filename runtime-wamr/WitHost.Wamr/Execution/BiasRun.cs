namespace WitHost.Wamr.Execution;

/// <summary>
/// When the instance's gate (<see cref="CallGate"/>) is biased again to the thread leaving it:
/// after a run of outermost exits by that one thread, a run that doubles with every bias another
/// thread had to revoke. Taking a bias away costs a process-wide memory barrier (a system call
/// that interrupts every processor), so threads that take turns on an instance (an async call's
/// continuations hop between pool threads) must not pay one per call: once their turns are
/// shorter than the run, the instance stays unbiased and each call pays the two
/// compare-exchanges of an unbiased gate.
/// </summary>
internal struct BiasRun
{
    // 2^16 calls: past that, a revocation amortised over the run costs less than a nanosecond
    // a call, and a workload that settles on one thread still gets the bias back.
    private const int MaxRunShift = 16;

    private int _thread;
    private int _run;
    private int _revocations;

    /// <summary>
    /// Counts an outermost exit by <paramref name="thread"/>, which owns the instance; true when
    /// its run is long enough for the gate to be biased to it (the run then starts again).
    /// Only the owner calls it, so it needs no atomic operation.
    /// </summary>
    public bool ShouldBias(int thread)
    {
        if (thread != _thread)
        {
            _thread = thread;
            _run = 0;
        }
        if (++_run < 1 << Math.Min(Volatile.Read(ref _revocations), MaxRunShift))
        {
            return false;
        }
        _run = 0;
        return true;
    }

    /// <summary>Counts a bias another thread revoked (any thread, so atomically).</summary>
    public void CountRevocation() => Interlocked.Increment(ref _revocations);
}
