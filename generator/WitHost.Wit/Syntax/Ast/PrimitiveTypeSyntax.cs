using WitHost.Wit.Model;

namespace WitHost.Wit.Syntax.Ast;

/// <summary>A primitive type keyword.</summary>
internal sealed record PrimitiveTypeSyntax(WitPrimitiveKind Kind, TextSpan Span) : TypeSyntax(Span);
