namespace WitHost.Analyzers.Names;

/// <summary>
/// A name as a user writes it in <c>[WitHost]</c>: a plain item name (<c>sample</c>), or a qualified
/// one, <c>namespace:package/item[@version]</c>. Only split into its parts here; checking the parts
/// is <see cref="WitNameRepair"/>'s job.
/// </summary>
internal sealed class WitQualifiedName
{
    private WitQualifiedName(string? @namespace, string? package, string item, string? version)
    {
        Namespace = @namespace;
        Package = package;
        Item = item;
        Version = version;
    }

    /// <summary>The namespace, or null for a plain name.</summary>
    public string? Namespace { get; }

    /// <summary>The package inside the namespace, or null for a plain name.</summary>
    public string? Package { get; }

    /// <summary>The world or interface name.</summary>
    public string Item { get; }

    /// <summary>The version after <c>@</c>, or null.</summary>
    public string? Version { get; }

    public bool IsQualified => Namespace is not null;

    /// <summary>
    /// Splits <paramref name="text"/>: a plain name has neither <c>:</c> nor <c>/</c>; a qualified one
    /// has both, <c>:</c> first. Anything else (<c>a/b</c>, <c>a:b</c>) is not a name of either
    /// shape, and null.
    /// </summary>
    public static WitQualifiedName? Parse(string text)
    {
        var colon = text.IndexOf(':');
        var slash = text.IndexOf('/');
        if (colon < 0 && slash < 0)
        {
            return new WitQualifiedName(null, null, text, null);
        }

        if (colon < 0 || slash < colon)
        {
            return null;
        }

        var at = text.IndexOf('@', slash);
        var item = at < 0 ? text.Substring(slash + 1) : text.Substring(slash + 1, at - slash - 1);
        var version = at < 0 ? null : text.Substring(at + 1);
        return new WitQualifiedName(text.Substring(0, colon), text.Substring(colon + 1, slash - colon - 1), item, version);
    }

    /// <summary>The name written back, with <paramref name="namespace"/>, <paramref name="package"/> and <paramref name="item"/> in place of the parts.</summary>
    public string With(string? @namespace, string? package, string item)
        => IsQualified ? $"{@namespace}:{package}/{item}" + (Version is null ? "" : "@" + Version) : item;

    public override string ToString() => With(Namespace, Package, Item);
}
