namespace WitHost.Wit.Model;

/// <summary>A semantic version (semver 2.0) as written after <c>@</c> in WIT.</summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Patch">The patch version.</param>
/// <param name="Prerelease">Dot-separated pre-release identifiers, without the leading <c>-</c>.</param>
/// <param name="Build">Dot-separated build metadata, without the leading <c>+</c>; ignored by ordering.</param>
public sealed record WitVersion(ulong Major, ulong Minor, ulong Patch, string? Prerelease = null, string? Build = null)
    : IComparable<WitVersion>
{
    /// <summary>Semver precedence: build metadata is ignored, a pre-release sorts before its release.</summary>
    public int CompareTo(WitVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byCore = Major != other.Major ? Major.CompareTo(other.Major)
            : Minor != other.Minor ? Minor.CompareTo(other.Minor)
            : Patch.CompareTo(other.Patch);
        if (byCore != 0)
        {
            return byCore;
        }

        return ComparePrerelease(Prerelease, other.Prerelease);
    }

    private static int ComparePrerelease(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : 1) : -1;
        }

        var leftParts = left.Split('.');
        var rightParts = right.Split('.');
        for (var i = 0; i < Math.Min(leftParts.Length, rightParts.Length); i++)
        {
            var leftNumeric = ulong.TryParse(leftParts[i], out var leftNumber);
            var rightNumeric = ulong.TryParse(rightParts[i], out var rightNumber);
            var order = (leftNumeric, rightNumeric) switch
            {
                (true, true) => leftNumber.CompareTo(rightNumber),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(leftParts[i], rightParts[i]),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return leftParts.Length.CompareTo(rightParts.Length);
    }

    /// <summary>The version as written: <c>major.minor.patch[-pre][+build]</c>.</summary>
    public override string ToString()
        => $"{Major}.{Minor}.{Patch}" + (Prerelease is null ? "" : "-" + Prerelease) + (Build is null ? "" : "+" + Build);
}
