using WitHost.Wit.Model;

namespace WitHost.Wit.Syntax.Ast;

/// <summary>One attribute: <c>@since(version = …)</c>, <c>@unstable(feature = …)</c>, <c>@deprecated(version = …)</c>
/// or <c>@external-id("…")</c>.</summary>
internal sealed record AttributeSyntax(AttributeKind Kind, WitVersion? Version, string? Value, TextSpan Span);
