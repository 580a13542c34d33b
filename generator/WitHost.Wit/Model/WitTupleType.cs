using WitHost.Wit.Collections;

namespace WitHost.Wit.Model;

/// <summary><c>tuple&lt;T1, …, Tn&gt;</c>.</summary>
/// <param name="Elements">The element types, in order (at least one).</param>
public sealed record WitTupleType(EquatableArray<WitType> Elements) : WitType
{
    /// <summary>WIT syntax: <c>tuple&lt;A, B&gt;</c>.</summary>
    public override string ToString() => $"tuple<{string.Join(", ", Elements)}>";
}
