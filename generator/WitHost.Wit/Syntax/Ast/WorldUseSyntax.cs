namespace WitHost.Wit.Syntax.Ast;

/// <summary>A <c>use</c> at the top level of a world.</summary>
internal sealed record WorldUseSyntax(UseSyntax Use) : WorldMemberSyntax;
