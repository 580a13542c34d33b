using WitHost.Wit.Model;

namespace WitHost.Wit.Resolution;

/// <summary>
/// Stands in for a type that could not be resolved (already reported), so that later checks can
/// recognise it and stay quiet instead of piling up follow-on errors. Only appears in results that
/// have errors.
/// </summary>
internal sealed record UnresolvedType : WitType
{
    public static UnresolvedType Instance { get; } = new();
}
