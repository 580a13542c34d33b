using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// Everything generated for one WIT interface (or for the items declared directly in a world):
/// its types, in a namespace of their own, and, when imported, the host interface. Generated once
/// per compilation however many worlds import or export it, which is why it is keyed by the WIT
/// qualified name.
/// </summary>
/// <param name="Key">The WIT qualified name (<c>wasi:io/streams@0.2.0</c>, or <c>ns:pkg/world</c> for world items).</param>
/// <param name="TypesNamespace">The C# namespace of its types.</param>
/// <param name="Types">Its type declarations in WIT declaration order.</param>
/// <param name="HostInterface">The host interface when the scope is imported and has functions or is an interface; otherwise null.</param>
internal sealed record ScopeBinding(
    string Key,
    string TypesNamespace,
    EquatableArray<TypeDeclarationBinding> Types,
    HostInterfaceBinding? HostInterface)
{
    /// <summary>True for a C#-first interface: its types and interface are the user's, so nothing is generated for it.</summary>
    public bool IsDeclaredInCSharp { get; init; }
}
