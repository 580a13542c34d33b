namespace WitHost.Wit.Syntax.Ast;

/// <summary>Something inside an interface: a <c>use</c>, a type definition or a function.</summary>
internal abstract record InterfaceMemberSyntax : ItemSyntax;
