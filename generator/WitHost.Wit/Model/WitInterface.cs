using WitHost.Wit.Collections;

namespace WitHost.Wit.Model;

/// <summary>A resolved interface: its types (including <c>use</c>d names) and functions.</summary>
/// <param name="Name">The interface name; for an inline world interface, the import/export name.</param>
/// <param name="Owner">Where it lives (package, and world for an inline interface); also the
/// <see cref="WitNamedType.Owner"/> of its types.</param>
/// <param name="Types">Its named types in declaration order (<c>use</c>d names appear as
/// <see cref="WitAliasType"/> with <see cref="WitAliasType.IsUse"/> set).</param>
/// <param name="Functions">Its functions in declaration order; resource functions follow their resource.</param>
/// <param name="Docs">The doc comment, or null.</param>
/// <param name="Stability">Its feature gates.</param>
public sealed record WitInterface(
    string Name,
    WitOwner Owner,
    EquatableArray<WitNamedType> Types,
    EquatableArray<WitFunction> Functions,
    string? Docs,
    WitStability Stability)
{
    /// <summary>The Component Model name, e.g. <c>wasi:io/streams@0.2.0</c>; for an inline
    /// interface, its plain name.</summary>
    public string QualifiedName => Owner.QualifiedName;

    /// <summary>The package that defines it.</summary>
    public WitPackageName Package => Owner.Package;
}
