namespace WitHost.Wit.Binary;

/// <summary>An export of a component: the item it exports and the type it ascribes, if any.</summary>
public sealed record ComponentExport(string Name, ComponentSort Sort, uint Index, ComponentExternDescription? Description, int Offset);
