using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>A world being resolved.</summary>
internal sealed class WorldEntry : PackageItemEntry
{
    public WorldEntry(WorldSyntax syntax, FileScope file, WitOwner owner, Gate gate)
        : base(file, owner, gate) => Syntax = syntax;

    public WorldSyntax Syntax { get; }

    public override TopLevelItemSyntax Declaration => Syntax;

    public override IdentifierSyntax Name => Syntax.Name;

    public WitWorld? Result { get; set; }
}
