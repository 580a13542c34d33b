using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>A WIT <c>record</c>, declared as a sealed positional C# record.</summary>
internal sealed record RecordBinding(string Name, string WitName, string? Docs, EquatableArray<FieldBinding> Fields)
    : TypeDeclarationBinding(Name, WitName, Docs);
