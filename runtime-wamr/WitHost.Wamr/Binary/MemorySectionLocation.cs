namespace WitHost.Wamr.Binary;

/// <summary>Offsets of the memory section and of its first memory's limits in a module's bytes.</summary>
/// <param name="SectionStart">The offset of the section id byte.</param>
/// <param name="LimitsStart">Where the first memory's limits begin.</param>
/// <param name="LimitsEnd">Where they end.</param>
/// <param name="SectionEnd">The offset just past the section.</param>
/// <param name="MemoryCount">How many memories the section declares.</param>
public sealed record MemorySectionLocation(int SectionStart, int LimitsStart, int LimitsEnd, int SectionEnd, uint MemoryCount);
