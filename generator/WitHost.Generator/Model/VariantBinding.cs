using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// A WIT <c>variant</c>, declared as an abstract record with a private constructor and one nested
/// sealed record per case, so the cases listed are the only ones there can be.
/// </summary>
internal sealed record VariantBinding(string Name, string WitName, string? Docs, EquatableArray<VariantCaseBinding> Cases)
    : TypeDeclarationBinding(Name, WitName, Docs);
