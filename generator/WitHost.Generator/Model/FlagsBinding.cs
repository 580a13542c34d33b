using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>A WIT <c>flags</c>, declared as a <c>[Flags]</c> enum; flag i is bit i.</summary>
/// <param name="UnderlyingType">The smallest unsigned integer type with a bit per flag.</param>
/// <param name="HasNoneMember">True when a <c>None = 0</c> member is declared (unless a flag is called <c>none</c>).</param>
internal sealed record FlagsBinding(
    string Name,
    string WitName,
    string? Docs,
    string UnderlyingType,
    bool HasNoneMember,
    EquatableArray<EnumMemberBinding> Flags)
    : TypeDeclarationBinding(Name, WitName, Docs);
