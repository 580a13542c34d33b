using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>A world being resolved.</summary>
internal sealed class WorldEntry
{
    public WorldEntry(WorldSyntax syntax, FileScope file, WitOwner owner, Gate gate)
    {
        Syntax = syntax;
        File = file;
        Owner = owner;
        Gate = gate;
    }

    public WorldSyntax Syntax { get; }

    public FileScope File { get; }

    public WitOwner Owner { get; }

    public Gate Gate { get; }

    public ResolutionState State { get; set; }

    /// <summary>Imports before elaboration (own items and includes), keyed by external name.</summary>
    public WorldItems? Items { get; set; }

    public WitWorld? Result { get; set; }
}
