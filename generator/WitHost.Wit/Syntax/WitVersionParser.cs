using System.Diagnostics.CodeAnalysis;
using WitHost.Wit.Model;

namespace WitHost.Wit.Syntax;

/// <summary>Strict semver 2.0 parsing.</summary>
internal static class WitVersionParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out WitVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        var build = default(string);
        var plus = text.IndexOf('+');
        if (plus >= 0)
        {
            build = text.Substring(plus + 1);
            text = text.Substring(0, plus);
            if (!ValidIdentifiers(build, numericNoLeadingZero: false))
            {
                error = "invalid build metadata";
                return false;
            }
        }

        var prerelease = default(string);
        var minus = text.IndexOf('-');
        if (minus >= 0)
        {
            prerelease = text.Substring(minus + 1);
            text = text.Substring(0, minus);
            if (!ValidIdentifiers(prerelease, numericNoLeadingZero: true))
            {
                error = "invalid pre-release";
                return false;
            }
        }

        var core = text.Split('.');
        if (core.Length != 3 || !TryNumber(core[0], out var major) || !TryNumber(core[1], out var minor) || !TryNumber(core[2], out var patch))
        {
            error = "expected major.minor.patch with no leading zeros";
            return false;
        }

        version = new WitVersion(major, minor, patch, prerelease, build);
        error = null;
        return true;
    }

    private static bool TryNumber(string text, out ulong value)
    {
        value = 0;
        return text.Length > 0 && (text.Length == 1 || text[0] != '0') && text.All(ch => ch is >= '0' and <= '9') && ulong.TryParse(text, out value);
    }

    private static bool ValidIdentifiers(string text, bool numericNoLeadingZero)
    {
        foreach (var part in text.Split('.'))
        {
            if (part.Length == 0 || !part.All(ch => ch is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '-'))
            {
                return false;
            }

            if (numericNoLeadingZero && part.All(ch => ch is >= '0' and <= '9') && part.Length > 1 && part[0] == '0')
            {
                return false;
            }
        }

        return true;
    }
}
