namespace WitHost.Wamr.Tests;

/// <summary>Runs <see cref="ForeignLibIwasmTests"/> with no other test class alongside: it swaps
/// the process-wide binding of the interrupt functions.</summary>
[CollectionDefinition(nameof(ForeignLibIwasmTests), DisableParallelization = true)]
public sealed class ForeignLibIwasmCollection;
