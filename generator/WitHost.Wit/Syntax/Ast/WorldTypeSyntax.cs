namespace WitHost.Wit.Syntax.Ast;

/// <summary>A type definition at the top level of a world.</summary>
internal sealed record WorldTypeSyntax(TypeDefinitionSyntax Type) : WorldMemberSyntax;
