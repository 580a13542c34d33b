namespace WitHost.Generator.CSharpFirst;

/// <summary>A parsed Component Model interface name, <c>namespace:package/interface[@version]</c>.</summary>
/// <param name="Package">The package with its version: <c>example:sample</c>, <c>example:sample@1.0.0</c>.</param>
/// <param name="Interface">The interface name.</param>
/// <param name="QualifiedName">The whole name, as the Component Model and the core import modules spell it.</param>
internal sealed record WitInterfaceName(string Package, string Interface, string QualifiedName)
{
    /// <summary>The name in <paramref name="text"/>, or null when it is not one.</summary>
    public static WitInterfaceName? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var at = text.IndexOf('@');
        var version = at < 0 ? null : text.Substring(at + 1);
        var path = at < 0 ? text : text.Substring(0, at);
        var colon = path.IndexOf(':');
        var slash = path.IndexOf('/');
        if (colon <= 0 || slash < colon || path.IndexOf('/', slash + 1) >= 0)
        {
            return null;
        }

        var ns = path.Substring(0, colon);
        var package = path.Substring(colon + 1, slash - colon - 1);
        var name = path.Substring(slash + 1);
        if (!WitNames.IsValid(ns) || !WitNames.IsValid(package) || !WitNames.IsValid(name) || (version is not null && !IsVersion(version)))
        {
            return null;
        }

        var suffix = version is null ? "" : "@" + version;
        return new WitInterfaceName(ns + ":" + package + suffix, name, ns + ":" + package + "/" + name + suffix);
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the shape <c>namespace:package/interface[@version]</c>
    /// with a valid version (or none), and only one or more of its three names are not kebab-case.
    /// </summary>
    public static bool IsMisspelledOnly(string? text)
    {
        if (text is null || TryParse(text) is not null)
        {
            return false;
        }

        var at = text.IndexOf('@');
        var path = at < 0 ? text : text.Substring(0, at);
        var colon = path.IndexOf(':');
        var slash = path.IndexOf('/');
        return colon > 0
            && slash > colon + 1
            && slash < path.Length - 1
            && path.IndexOf('/', slash + 1) < 0
            && (at < 0 || IsVersion(text.Substring(at + 1)));
    }

    // A semantic version: major.minor.patch, with an optional -pre-release and +build of [0-9A-Za-z.-].
    private static bool IsVersion(string version)
    {
        var core = version;
        var extra = version.IndexOfAny(new[] { '-', '+' });
        if (extra >= 0)
        {
            core = version.Substring(0, extra);
            var rest = version.Substring(extra + 1);
            if (rest.Length == 0 || !rest.All(c => c is '.' or '-' or '+' || (c < 128 && char.IsLetterOrDigit(c))))
            {
                return false;
            }
        }

        var parts = core.Split('.');
        return parts.Length == 3 && parts.All(part => part.Length > 0 && part.All(c => c is >= '0' and <= '9') && (part.Length == 1 || part[0] != '0'));
    }
}
