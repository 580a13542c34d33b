using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// A C# type as the user wrote it in a C#-first interface, shaped like the WIT type derived from
/// it. The WIT type alone cannot say whether <c>list&lt;string&gt;</c> was a <c>string[]</c>, an
/// <c>IReadOnlyList&lt;string&gt;</c> or a <c>List&lt;string&gt;</c>, nor what a record's properties are
/// called; the generated calls take these from here so they fit the user's signatures exactly.
/// </summary>
/// <param name="CSharpType">The C# type, fully qualified, with its nullable annotation.</param>
/// <param name="Children">The same children as the ABI binding of the WIT type: list: the element;
/// tuple and record: the fields; option: none (<see cref="None"/>) and some; result: ok and error
/// (<see cref="None"/> for an absent side); variant: each case's payload (<see cref="None"/> when it has none).</param>
/// <param name="MemberNames">Record: the property names; variant: the nested case type names.</param>
/// <param name="PayloadName">Variant: the payload property of the case records.</param>
/// <param name="Shape">List and option: the form the user's type takes (<c>byte[]</c>, <c>T[]</c>,
/// <c>IReadOnlyList&lt;T&gt;</c>, <c>List&lt;T&gt;</c>; <c>T?</c> or <c>WitHost.Option&lt;T&gt;</c>), read
/// from the type's symbol; <see cref="CSharpShape.Plain"/> for every other kind.</param>
internal sealed record CSharpTypeShape(
    string CSharpType,
    EquatableArray<CSharpTypeShape> Children,
    EquatableArray<string> MemberNames,
    string PayloadName,
    CSharpShape Shape)
{
    /// <summary>No value: the absent payload of an option's none, a result side or a variant case.</summary>
    public static CSharpTypeShape None { get; } = Leaf("");

    /// <summary>A type without children (a primitive, string, enum or flags).</summary>
    public static CSharpTypeShape Leaf(string csharpType)
        => new(csharpType, EquatableArray<CSharpTypeShape>.Empty, EquatableArray<string>.Empty, "", CSharpShape.Plain);
}
