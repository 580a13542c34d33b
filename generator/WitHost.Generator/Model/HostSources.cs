using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// A host together with exactly the WIT it reads: the root package first, then one package per
/// <c>deps/</c> entry. Selecting these before resolving is what makes an edit to an unrelated .wit
/// file leave this host's resolution cached.
/// </summary>
/// <param name="Spec">The host.</param>
/// <param name="ResolvedRootPath">The normalised file or directory path that was looked up.</param>
/// <param name="Packages">The packages, root first; empty when nothing was found at the path.</param>
internal sealed record HostSources(HostSpec Spec, string ResolvedRootPath, EquatableArray<WitSourcePackage> Packages)
{
    /// <summary>The C#-first interfaces the world imports or exports (their WIT is among <see cref="Packages"/>).</summary>
    public EquatableArray<CSharpFirst.CSharpFirstInterface> CSharpFirstInterfaces { get; init; } = EquatableArray<CSharpFirst.CSharpFirstInterface>.Empty;

    /// <summary>For a world derived from C#-first interfaces: the root package's WIT text (the world and its package's interfaces); else empty.</summary>
    public string DerivedWitText { get; init; } = "";

    /// <summary>The derived world alone, as a .wit file of the world's package (its interfaces have files of their own); empty when nothing is derived.</summary>
    public string DerivedWorldText { get; init; } = "";

    /// <summary>The derived world's qualified name (<c>ns:pkg/world@version</c>); empty when nothing is derived.</summary>
    public string DerivedWorldName { get; init; } = "";
}
