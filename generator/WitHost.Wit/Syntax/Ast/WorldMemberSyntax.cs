namespace WitHost.Wit.Syntax.Ast;

/// <summary>Something inside a world: import, export, include, <c>use</c> or type definition.</summary>
internal abstract record WorldMemberSyntax : ItemSyntax;
