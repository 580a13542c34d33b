namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>use ns:pkg/iface[@v] [as name];</c> at the top of a file.</summary>
internal sealed record TopLevelUseSyntax(UsePathSyntax Path, IdentifierSyntax? Alias, TextSpan Span) : TopLevelItemSyntax
{
    /// <summary>The name the file sees: the alias, or the interface name.</summary>
    public IdentifierSyntax LocalName => Alias ?? Path.Name;
}
