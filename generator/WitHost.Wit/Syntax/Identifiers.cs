namespace WitHost.Wit.Syntax;

/// <summary>The kebab-case rules for WIT identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// Null when <paramref name="name"/> is a valid WIT identifier: '-'-separated parts, none empty,
    /// each all-lowercase or all-uppercase ASCII letters and digits, the first part starting with a letter.
    /// Otherwise a short reason.
    /// </summary>
    public static string? Validate(string name)
    {
        if (name.Length == 0)
        {
            return "identifiers must not be empty";
        }

        // One pass, no allocation: this runs for every identifier in every file.
        var partStart = true;
        var firstPart = true;
        bool? upper = null;
        foreach (var ch in name)
        {
            if (ch == '-')
            {
                if (partStart)
                {
                    return "each '-'-separated part must be non-empty";
                }

                partStart = true;
                firstPart = false;
                upper = null;
                continue;
            }

            if (partStart && firstPart && !IsAsciiLetter(ch))
            {
                return "identifiers must start with an ASCII letter";
            }

            partStart = false;
            if (ch is >= '0' and <= '9')
            {
                continue;
            }

            if (!IsAsciiLetter(ch))
            {
                return $"character '{ch}' is not allowed (only ASCII letters, digits and '-')";
            }

            var isUpper = ch is >= 'A' and <= 'Z';
            if (upper is not null && upper != isUpper)
            {
                return "each '-'-separated part must be all lowercase or all uppercase";
            }

            upper = isUpper;
        }

        return partStart ? "each '-'-separated part must be non-empty" : null;
    }

    private static bool IsAsciiLetter(char ch) => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
