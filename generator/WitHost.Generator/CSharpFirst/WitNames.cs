using System.Text;

namespace WitHost.Generator.CSharpFirst;

/// <summary>How C# names become WIT names (kebab-case), the inverse of <c>CSharpNames.ToPascalCase</c>.</summary>
internal static class WitNames
{
    // WIT keywords: a name spelled like one is written %name in WIT text.
    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "use", "type", "func", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64",
        "char", "record", "resource", "own", "borrow", "flags", "variant", "enum", "bool", "string",
        "option", "result", "future", "stream", "error-context", "list", "map", "as", "from", "static",
        "interface", "tuple", "import", "export", "world", "package", "constructor", "async", "include", "with",
    };

    /// <summary>
    /// <c>LogU32</c> → <c>log-u32</c>, <c>firstValue</c> → <c>first-value</c>, <c>HTTPServer</c> →
    /// <c>http-server</c>, <c>max_count</c> → <c>max-count</c>. A word starts at an upper-case letter
    /// after a lower-case letter or digit, at the last capital of a run followed by a lower-case
    /// letter, and after an underscore; digits stay with the word before them. Null when the result
    /// is no WIT identifier (a name that starts with a digit, or has characters other than ASCII
    /// letters, digits and underscores).
    /// </summary>
    public static string? FromCSharp(string name)
    {
        var text = name.TrimStart('@');
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var current = text[i];
            if (current == '_')
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != '-')
                {
                    builder.Append('-');
                }

                continue;
            }

            if (!IsAsciiLetterOrDigit(current))
            {
                return null;
            }

            if (IsUpper(current) && i > 0 && builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                var previous = text[i - 1];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (IsLower(previous) || IsDigit(previous) || (IsUpper(previous) && IsLower(next)))
                {
                    builder.Append('-');
                }
            }

            builder.Append(char.ToLowerInvariant(current));
        }

        var result = builder.ToString().TrimEnd('-');
        return IsValid(result) ? result : null;
    }

    /// <summary>True when <paramref name="name"/> is a WIT identifier whose words each start with a letter.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var word in name.Split('-'))
        {
            if (word.Length == 0 || !IsLetter(word[0]) || !word.All(IsAsciiLetterOrDigit))
            {
                return false;
            }

            var letters = word.Where(IsLetter).ToList();
            if (!letters.All(IsLower) && !letters.All(IsUpper))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name as WIT text: <c>%</c>-escaped when it is a keyword.</summary>
    public static string Escape(string name) => s_keywords.Contains(name) ? "%" + name : name;

    private static bool IsLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsLetter(char c) => IsLower(c) || IsUpper(c);

    private static bool IsAsciiLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);
}
