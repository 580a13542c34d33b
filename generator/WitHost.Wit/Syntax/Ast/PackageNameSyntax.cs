using WitHost.Wit.Model;

namespace WitHost.Wit.Syntax.Ast;

/// <summary><c>namespace:name[@version]</c> as written.</summary>
internal sealed record PackageNameSyntax(IdentifierSyntax Namespace, IdentifierSyntax Name, WitVersion? Version, TextSpan Span)
{
    public WitPackageName ToModel() => new(Namespace.Name, Name.Name, Version);
}
