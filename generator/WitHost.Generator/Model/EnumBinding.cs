using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>A WIT <c>enum</c>, declared as a C# enum whose values are the discriminants.</summary>
internal sealed record EnumBinding(string Name, string WitName, string? Docs, EquatableArray<EnumMemberBinding> Members)
    : TypeDeclarationBinding(Name, WitName, Docs);
