namespace WitHost.Wit.Syntax.Ast;

/// <summary>An item at package level: interface, world or top-level <c>use</c>.</summary>
internal abstract record TopLevelItemSyntax : ItemSyntax;
