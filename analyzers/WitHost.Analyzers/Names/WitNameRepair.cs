using System.Text;
using WitHost.Wit.Syntax;

namespace WitHost.Analyzers.Names;

/// <summary>
/// Checks the identifiers of a <see cref="WitQualifiedName"/> with the front end's kebab-case rule
/// and proposes the valid spelling a user most likely meant: <c>SampleWorld</c>, <c>sample_world</c>
/// and <c>sample world</c> all become <c>sample-world</c>.
/// </summary>
internal static class WitNameRepair
{
    /// <summary>
    /// Null when every identifier of <paramref name="name"/> is valid; otherwise the first problem and
    /// the repaired name, or a null repair when no valid spelling can be derived (e.g. no letters).
    /// </summary>
    public static (string Reason, string? Repaired)? Check(WitQualifiedName name)
    {
        var parts = name.IsQualified ? new[] { name.Namespace!, name.Package!, name.Item } : new[] { name.Item };
        string? reason = null;
        foreach (var part in parts)
        {
            if (Identifiers.Validate(part) is { } problem)
            {
                // In a qualified name, say which part is wrong.
                reason = name.IsQualified ? $"'{part}': {problem}" : problem;
                break;
            }
        }

        if (reason is null)
        {
            return null;
        }

        var repaired = parts.Select(ToKebabCase).ToArray();
        if (repaired.Any(part => part is null))
        {
            return (reason, null);
        }

        return (reason, name.IsQualified ? name.With(repaired[0], repaired[1], repaired[2]!) : repaired[0]);
    }

    /// <summary>
    /// <paramref name="text"/> as lowercase kebab-case: words split at anything that is not an ASCII
    /// letter or digit and at case changes (<c>XMLParser</c> → <c>xml-parser</c>), digits kept with
    /// the word before them. Null when the result would not be a valid identifier.
    /// </summary>
    public static string? ToKebabCase(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (!IsAsciiLetterOrDigit(ch))
            {
                Flush(words, word);
                continue;
            }

            if (word.Length > 0 && StartsWord(text, i))
            {
                Flush(words, word);
            }

            word.Append(char.ToLowerInvariant(ch));
        }

        Flush(words, word);
        var result = string.Join("-", words);
        return Identifiers.Validate(result) is null ? result : null;
    }

    // An uppercase letter starts a word after a lowercase letter or digit (sampleWorld), or when it
    // ends a run of capitals followed by lowercase (the P of XMLParser).
    private static bool StartsWord(string text, int i)
    {
        var ch = text[i];
        if (ch is < 'A' or > 'Z')
        {
            return false;
        }

        var previous = text[i - 1];
        if (previous is >= 'a' and <= 'z' or >= '0' and <= '9')
        {
            return true;
        }

        return previous is >= 'A' and <= 'Z' && i + 1 < text.Length && text[i + 1] is >= 'a' and <= 'z';
    }

    private static void Flush(List<string> words, StringBuilder word)
    {
        if (word.Length > 0)
        {
            words.Add(word.ToString());
            word.Clear();
        }
    }

    private static bool IsAsciiLetterOrDigit(char ch) => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
