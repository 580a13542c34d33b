namespace WitHost.Wit.Binary;

/// <summary>
/// A core instance: <c>(instantiate module (with "name" (instance i))*)</c> when
/// <see cref="Module"/> is set, else a bundle of exports <c>(export "name" (func i))*</c>.
/// </summary>
public sealed record CoreInstanceDefinition(uint? Module, IReadOnlyList<ComponentSortIndex> Arguments, IReadOnlyList<ComponentSortIndex> Exports, int Offset);
