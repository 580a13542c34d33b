namespace WitHost.Wit.Binary;

/// <summary>An alias definition.</summary>
/// <param name="Sort">The index space the alias adds to.</param>
/// <param name="Target">What it points at.</param>
/// <param name="Instance">The (core) instance index, for export aliases.</param>
/// <param name="Name">The export name, for export aliases.</param>
/// <param name="OuterCount">How many components out, for outer aliases.</param>
/// <param name="OuterIndex">The index in that component's <paramref name="Sort"/> space, for outer aliases.</param>
public sealed record ComponentAlias(ComponentSort Sort, ComponentAliasTarget Target, uint Instance, string Name, uint OuterCount, uint OuterIndex);
