namespace WitHost.Generator.Model;

/// <summary>
/// The per-instance handle table of one imported resource, and its <c>[resource-drop]</c> import.
/// </summary>
/// <param name="FieldName">The field of the generated table holder.</param>
/// <param name="CSharpType">The host interface of the resource (fully qualified).</param>
/// <param name="WitName">The resource's WIT name (in trap messages).</param>
/// <param name="CoreModule">The core module of its <c>[resource-drop]</c> import.</param>
/// <param name="DropName">The core name of its <c>[resource-drop]</c> import.</param>
internal sealed record ResourceTableBinding(string FieldName, string CSharpType, string WitName, string CoreModule, string DropName);
