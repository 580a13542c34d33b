namespace WitHost.Wit.Syntax.Ast;

/// <summary>A world <c>import</c> or <c>export</c> in any of its forms.</summary>
internal sealed record ImportExportSyntax(
    bool IsExport,
    ExternKind Kind,
    IdentifierSyntax? Name,
    UsePathSyntax? Path,
    FunctionTypeSyntax? Function,
    InterfaceSyntax? Interface,
    TextSpan Span) : WorldMemberSyntax
{
    /// <summary>The span to point at: the plain name, or the path.</summary>
    public TextSpan NameSpan => Name?.Span ?? Path!.Span;
}
