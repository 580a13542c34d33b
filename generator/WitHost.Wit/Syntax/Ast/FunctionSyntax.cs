namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>name: func(…) -> T;</c> in an interface.</summary>
internal sealed record FunctionSyntax(IdentifierSyntax Name, FunctionTypeSyntax Function) : InterfaceMemberSyntax;
