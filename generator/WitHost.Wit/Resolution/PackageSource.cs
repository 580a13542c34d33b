using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>An unresolved package: its name and the files (or nested blocks) that make it up.</summary>
/// <param name="Name">The package name.</param>
/// <param name="Declaration">The declaration that names it (the first one, for locations).</param>
/// <param name="Files">Its files; top-level <c>use</c> names are scoped per file.</param>
/// <param name="Docs">The package doc comment.</param>
internal sealed record PackageSource(WitPackageName Name, PackageDeclarationSyntax Declaration, IReadOnlyList<PackageFile> Files, string? Docs);
