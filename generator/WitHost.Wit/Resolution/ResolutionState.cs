namespace WitHost.Wit.Resolution;

/// <summary>Where a lazily resolved entity is: not started, being resolved (a second visit means a cycle), or done.</summary>
internal enum ResolutionState
{
    NotStarted,
    InProgress,
    Done,
}
