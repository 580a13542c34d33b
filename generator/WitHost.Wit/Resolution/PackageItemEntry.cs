using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>What interfaces and worlds being resolved have in common: where they are written, their
/// owner name, their gates and how far their resolution has got.</summary>
internal abstract class PackageItemEntry
{
    protected PackageItemEntry(FileScope file, WitOwner owner, Gate gate)
    {
        File = file;
        Owner = owner;
        Gate = gate;
    }

    public FileScope File { get; }

    public WitOwner Owner { get; }

    public Gate Gate { get; }

    public ResolutionState State { get; set; }

    /// <summary>The declaration, for the references it contains.</summary>
    public abstract TopLevelItemSyntax Declaration { get; }

    /// <summary>The declared name.</summary>
    public abstract IdentifierSyntax Name { get; }
}
