using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>A name in an interface or world scope: a type definition, a <c>use</c>d name, or a function.</summary>
internal abstract class ScopeMember
{
    protected ScopeMember(IdentifierSyntax name, Gate gate)
    {
        Name = name;
        Gate = gate;
    }

    public IdentifierSyntax Name { get; }

    public Gate Gate { get; }

    public ResolutionState State { get; set; }

    /// <summary>The resolved named type (types and uses only).</summary>
    public WitNamedType? Resolved { get; set; }

    /// <summary>Whether the type is past a limit of <see cref="TypeBounds"/> (itself or a type it is built
    /// on); it was reported once, and its users stand on <see cref="TypeBounds.Rejected"/>.</summary>
    public bool Rejected { get; set; }
}
