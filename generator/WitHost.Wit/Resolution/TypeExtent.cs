namespace WitHost.Wit.Resolution;

/// <summary>How deep a resolved type nests and how large it is (<see cref="TypeBounds"/>).</summary>
internal readonly record struct TypeExtent(int Depth, long Size);
