namespace WitHost.Wit.Syntax.Ast;

/// <summary>A parsed WIT file: an optional package declaration, its items, and nested package blocks.</summary>
internal sealed record FileSyntax(
    SourceText Source,
    PackageDeclarationSyntax? Package,
    IReadOnlyList<TopLevelItemSyntax> Items,
    IReadOnlyList<NestedPackageSyntax> NestedPackages);
