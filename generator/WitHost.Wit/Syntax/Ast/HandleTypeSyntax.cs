using WitHost.Wit.Model;

namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>own&lt;r&gt;</c> or <c>borrow&lt;r&gt;</c>.</summary>
internal sealed record HandleTypeSyntax(WitHandleKind Kind, IdentifierSyntax Resource, TextSpan Span) : TypeSyntax(Span);
