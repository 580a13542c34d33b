namespace WitHost.Wamr.Binary;

/// <summary>A linear memory's limits, in 64 KiB pages.</summary>
public readonly record struct MemoryLimits(uint MinimumPages, uint? MaximumPages);
