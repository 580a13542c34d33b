using WitHost.Wit.Model;

namespace WitHost.Wit.Resolution;

/// <summary>The names visible inside one interface or world body.</summary>
internal sealed class TypeScope
{
    public TypeScope(WitOwner owner, FileScope file)
    {
        Owner = owner;
        File = file;
    }

    public WitOwner Owner { get; }

    public FileScope File { get; }

    public Dictionary<string, ScopeMember> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Members in declaration order.</summary>
    public List<ScopeMember> Ordered { get; } = new();
}
