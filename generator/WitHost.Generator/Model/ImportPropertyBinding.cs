using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>A property of the host's <c>Imports</c> class: the implementation of one import.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Type">The host interface type, fully qualified.</param>
/// <param name="WitName">The import's Component Model name.</param>
/// <param name="Calls">The import entries the instance registers for it, one per function the generator can marshal.</param>
internal sealed record ImportPropertyBinding(string Name, string Type, string WitName, EquatableArray<CallBinding> Calls);
