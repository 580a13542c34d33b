namespace WitHost.Wit.Binary;

/// <summary>The kinds of <see cref="DecodedType"/>.</summary>
internal enum DecodedTypeKind
{
    /// <summary>A primitive: <see cref="DecodedType.Name"/> is its WIT name.</summary>
    Primitive,

    /// <summary>An anonymous defined type (list, option, result, tuple, own, borrow, …, or the body of a named record).</summary>
    Defined,

    /// <summary>A named type (an export of an interface or world): <see cref="DecodedType.Target"/> is what it names.</summary>
    Named,

    /// <summary>A resource (each one is distinct).</summary>
    Resource,
}
