namespace WitHost.Wit.Resolution;

/// <summary>How deep a resolved type nests and how large it is (<see cref="TypeBounds"/>), and whether it
/// is built on a type already rejected for being past a limit.</summary>
internal readonly record struct TypeExtent(int Depth, long Size, bool BuiltOnRejected = false);
