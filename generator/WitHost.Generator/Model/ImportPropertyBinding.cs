namespace WitHost.Generator.Model;

/// <summary>A property of the host's <c>Imports</c> class: the implementation of one import.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Type">The host interface type, fully qualified.</param>
/// <param name="WitName">The import's Component Model name.</param>
internal sealed record ImportPropertyBinding(string Name, string Type, string WitName);
