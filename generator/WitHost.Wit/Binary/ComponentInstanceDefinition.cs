namespace WitHost.Wit.Binary;

/// <summary>
/// A component instance: <c>(instantiate component (with "name" item)*)</c> when
/// <see cref="Component"/> is set, else a bundle of exports.
/// </summary>
public sealed record ComponentInstanceDefinition(uint? Component, IReadOnlyList<ComponentSortIndex> Arguments, IReadOnlyList<ComponentSortIndex> Exports, int Offset);
