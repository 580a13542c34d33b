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
}
