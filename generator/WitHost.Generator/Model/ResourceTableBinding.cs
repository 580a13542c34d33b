using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// The per-instance handle table of one imported resource, and its <c>[resource-drop]</c> import.
/// </summary>
/// <param name="FieldName">The field of the generated table holder.</param>
/// <param name="CSharpType">The host interface of the resource (fully qualified).</param>
/// <param name="WitName">The resource's WIT name (in trap messages).</param>
/// <param name="CoreModule">The core module of its <c>[resource-drop]</c> import.</param>
/// <param name="DropName">The core name of its <c>[resource-drop]</c> import.</param>
/// <param name="Methods">
/// Its <c>[method]</c> imports. They live with the table, not with a host interface property,
/// because they call the object behind <c>self</c>, and an interface of only resource methods
/// has no host interface at all.
/// </param>
/// <param name="EntryNames">The names of the static methods serving <paramref name="Methods"/>, in order.</param>
internal sealed record ResourceTableBinding(
    string FieldName,
    string CSharpType,
    string WitName,
    string CoreModule,
    string DropName,
    EquatableArray<CallBinding> Methods,
    EquatableArray<string> EntryNames);
