namespace WitHost.Async.Tests;

/// <summary>
/// Tests that count the process's threads and the thread pool's busy ones run alone, not beside
/// the other test classes, whose own work would show in the counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadCountingCollection
{
    public const string Name = "thread counting";
}
