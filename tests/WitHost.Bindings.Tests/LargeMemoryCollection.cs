namespace WitHost.Bindings.Tests;

/// <summary>
/// The tests that hold a 4 GiB guest memory run alone, not beside the other test classes: on a
/// shared machine their instances could otherwise fail to get memory while it is held.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeMemoryCollection
{
    public const string Name = "large memory";
}
