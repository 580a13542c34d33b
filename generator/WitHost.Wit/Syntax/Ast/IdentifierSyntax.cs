namespace WitHost.Wit.Syntax.Ast;

/// <summary>An identifier as written; <see cref="Name"/> has any <c>%</c> escape removed.</summary>
internal sealed record IdentifierSyntax(string Name, TextSpan Span)
{
    public override string ToString() => Name;
}
