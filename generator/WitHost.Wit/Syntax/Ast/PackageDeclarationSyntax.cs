namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>package ns:name@version;</c> or the head of a <c>package … { }</c> block.</summary>
internal sealed record PackageDeclarationSyntax(PackageNameSyntax Name, TextSpan Span) : ItemSyntax;
