using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>A name brought in by <c>use path.{name as local}</c>.</summary>
internal sealed class UseMember : ScopeMember
{
    public UseMember(UseSyntax use, UseNameSyntax name, Gate gate)
        : base(name.LocalName, gate)
    {
        Use = use;
        UseName = name;
    }

    public UseSyntax Use { get; }

    public UseNameSyntax UseName { get; }
}
