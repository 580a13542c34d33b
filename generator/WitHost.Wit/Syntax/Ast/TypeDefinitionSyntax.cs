namespace WitHost.Wit.Syntax.Ast;

/// <summary>A named type definition: record, variant, enum, flags, resource or <c>type x = …</c>.</summary>
internal abstract record TypeDefinitionSyntax(IdentifierSyntax Name, TextSpan Span) : InterfaceMemberSyntax;
