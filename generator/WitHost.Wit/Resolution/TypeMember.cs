using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>A type defined in the scope.</summary>
internal sealed class TypeMember : ScopeMember
{
    public TypeMember(TypeDefinitionSyntax syntax, Gate gate)
        : base(syntax.Name, gate) => Syntax = syntax;

    public TypeDefinitionSyntax Syntax { get; }
}
