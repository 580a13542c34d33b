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

        var parts = name.Split('-');
        for (var index = 0; index < parts.Length; index++)
        {
            var part = parts[index];
            if (part.Length == 0)
            {
                return "each '-'-separated part must be non-empty";
            }

            if (index == 0 && !IsAsciiLetter(part[0]))
            {
                return "identifiers must start with an ASCII letter";
            }

            bool? upper = null;
            foreach (var ch in part)
            {
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
        }

        return null;
    }

    private static bool IsAsciiLetter(char ch) => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
