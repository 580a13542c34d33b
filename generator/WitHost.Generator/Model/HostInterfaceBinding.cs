using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>The C# interface a host implements for an imported WIT interface (or a world's own imported functions).</summary>
/// <param name="Namespace">The C# namespace it is declared in.</param>
/// <param name="Name">The interface name, <c>I…</c>.</param>
/// <param name="Methods">One method per freestanding function, resource constructor and static resource function.</param>
/// <param name="Docs">The WIT doc comment, or null.</param>
internal sealed record HostInterfaceBinding(string Namespace, string Name, EquatableArray<MethodBinding> Methods, string? Docs)
{
    /// <summary>The fully qualified name, for references from other generated code.</summary>
    public string FullName => "global::" + Namespace + "." + Name;
}
