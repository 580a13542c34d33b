namespace WitHost.Wamr.Async;

/// <summary>
/// An async import's result that its guest may never take: when the guest's instance traps or is
/// disposed before the guest learns the subtask returned, the result's writer never runs, and what
/// the result holds for the guest (a <see cref="WitStream{T}"/> and the source or .NET stream it
/// owns) would be left with nobody to end it. The subtask discards it instead.
/// </summary>
internal interface IUndeliveredResult
{
    /// <summary>Ends what the result holds, with <paramref name="reason"/> (the trap, or the disposal); nothing when its writing began.</summary>
    void Discard(Exception reason);
}
