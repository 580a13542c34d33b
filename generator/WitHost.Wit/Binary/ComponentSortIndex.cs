namespace WitHost.Wit.Binary;

/// <summary>A named reference to an item (<c>export</c> in an instance expression, an instantiation argument).</summary>
public sealed record ComponentSortIndex(string Name, ComponentSort Sort, uint Index);
