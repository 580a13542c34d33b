using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>An interface being resolved: named in a package, or inline in a world.</summary>
internal sealed class InterfaceEntry : PackageItemEntry
{
    public InterfaceEntry(InterfaceSyntax syntax, FileScope file, WitOwner owner, Gate gate)
        : base(file, owner, gate) => Syntax = syntax;

    public InterfaceSyntax Syntax { get; }

    public override TopLevelItemSyntax Declaration => Syntax;

    public override IdentifierSyntax Name => Syntax.Name;

    /// <summary>The name table, built on first lookup.</summary>
    public TypeScope? Scope { get; set; }

    public WitInterface? Result { get; set; }
}
