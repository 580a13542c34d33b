namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>package ns:name { … }</c>: a package defined inline in another file.</summary>
internal sealed record NestedPackageSyntax(PackageDeclarationSyntax Package, IReadOnlyList<TopLevelItemSyntax> Items);
