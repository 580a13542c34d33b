namespace WitHost.Wit.Syntax.Ast;

/// <summary>
/// A reference to an interface or world: a bare <c>name</c> (same package or a top-level <c>use</c>)
/// or <c>ns:pkg/name[@version]</c>.
/// </summary>
internal sealed record UsePathSyntax(PackageNameSyntax? Package, IdentifierSyntax Name, TextSpan Span)
{
    public bool IsLocal => Package is null;

    public override string ToString()
        => Package is null ? Name.Name : $"{Package.Namespace.Name}:{Package.Name.Name}/{Name.Name}" + (Package.Version is null ? "" : "@" + Package.Version);
}
