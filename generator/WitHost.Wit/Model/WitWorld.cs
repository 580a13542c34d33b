using WitHost.Wit.Collections;

namespace WitHost.Wit.Model;

/// <summary>
/// A resolved world, after <c>include</c>s are merged and the interfaces that imports and exports
/// depend on (through <c>use</c>) are added as imports ahead of their users.
/// </summary>
/// <param name="Name">The world name.</param>
/// <param name="Package">The package that defines it.</param>
/// <param name="Imports">Imports in Component Model order (dependencies first).</param>
/// <param name="Exports">Exports in declaration order.</param>
/// <param name="Docs">The doc comment, or null.</param>
/// <param name="Stability">Its feature gates.</param>
public sealed record WitWorld(
    string Name,
    WitPackageName Package,
    EquatableArray<WitWorldItem> Imports,
    EquatableArray<WitWorldItem> Exports,
    string? Docs,
    WitStability Stability)
{
    /// <summary>The qualified name, e.g. <c>wasi:cli/command@0.2.0</c>.</summary>
    public string QualifiedName => Package.QualifyInterface(Name);
}
