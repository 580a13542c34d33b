namespace WitHost.Generator.Binding;

/// <summary>
/// Hands out member names that are unique within one C# type. WIT names are unique per scope, but
/// the C# names made from them can still clash: with the enclosing type's name (CS0542), with the
/// members every record has (<c>ToString</c>, <c>Equals</c>, …), or with each other (a static resource
/// function and a freestanding function can both become <c>FieldsFromList</c>). A clash gets a
/// trailing underscore, repeated until unique, so the generated code always compiles.
/// </summary>
internal sealed class MemberNameSet
{
    private static readonly string[] s_objectAndRecordMembers =
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "EqualityContract", "PrintMembers", "Deconstruct", "Clone",
    };

    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Names already used in a type called <paramref name="enclosingTypeName"/>.</summary>
    /// <param name="enclosingTypeName">The type the members go into.</param>
    /// <param name="reserveObjectMembers">True for classes and records, whose inherited members must not be hidden.</param>
    public MemberNameSet(string enclosingTypeName, bool reserveObjectMembers)
    {
        _taken.Add(enclosingTypeName);
        if (reserveObjectMembers)
        {
            _taken.UnionWith(s_objectAndRecordMembers);
        }
    }

    /// <summary><paramref name="preferred"/>, or the first free variant of it; marks it used.</summary>
    public string Claim(string preferred)
    {
        var name = preferred;
        while (!_taken.Add(name))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>True when <paramref name="name"/> has not been handed out or reserved.</summary>
    public bool IsFree(string name) => !_taken.Contains(name);
}
