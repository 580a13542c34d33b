using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>An interface being resolved: named in a package, or inline in a world.</summary>
internal sealed class InterfaceEntry
{
    public InterfaceEntry(InterfaceSyntax syntax, FileScope file, WitOwner owner, Gate gate)
    {
        Syntax = syntax;
        File = file;
        Owner = owner;
        Gate = gate;
    }

    public InterfaceSyntax Syntax { get; }

    public FileScope File { get; }

    public WitOwner Owner { get; }

    public Gate Gate { get; }

    /// <summary>The name table, built on first lookup.</summary>
    public TypeScope? Scope { get; set; }

    public ResolutionState State { get; set; }

    public WitInterface? Result { get; set; }
}
