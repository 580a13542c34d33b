namespace WitHost.Wit.Binary;

/// <summary>One entry of an index space: where it came from and which definition made it.</summary>
/// <param name="Origin">The kind of definition.</param>
/// <param name="Definition">The index in the list of <see cref="ComponentBinary"/> that <paramref name="Origin"/> names.</param>
public readonly record struct ComponentItem(ComponentItemOrigin Origin, int Definition);
