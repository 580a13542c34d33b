namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>include path [with { a as b, … }];</c>.</summary>
internal sealed record IncludeSyntax(UsePathSyntax Path, IReadOnlyList<IncludeNameSyntax> Names, TextSpan Span) : WorldMemberSyntax;
