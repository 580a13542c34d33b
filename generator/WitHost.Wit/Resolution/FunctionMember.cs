using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>A function defined in an interface (kept in the scope so that using it as a type gets a clear error).</summary>
internal sealed class FunctionMember : ScopeMember
{
    public FunctionMember(FunctionSyntax syntax, Gate gate)
        : base(syntax.Name, gate) => Syntax = syntax;

    public FunctionSyntax Syntax { get; }
}
