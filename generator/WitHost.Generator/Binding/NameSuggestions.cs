namespace WitHost.Generator.Binding;

/// <summary>The known names closest to a misspelt one, by edit distance.</summary>
internal static class NameSuggestions
{
    private const int MaxSuggestions = 3;

    /// <summary>
    /// Up to three of <paramref name="known"/>, closest first (ties in ordinal order), that are within
    /// a third of the longer name's length of <paramref name="name"/> (at least 2 edits): close enough
    /// to be a typo rather than another name.
    /// </summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known)
        => known
            .Distinct(StringComparer.Ordinal)
            .Select(candidate => (Candidate: candidate, Distance: EditDistance(name, candidate)))
            .Where(pair => pair.Distance <= Math.Max(2, Math.Max(name.Length, pair.Candidate.Length) / 3))
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(pair => pair.Candidate)
            .ToList();

    /// <summary>
    /// Levenshtein distance, case-insensitively: WIT names are lowercase kebab-case, so <c>Sample</c>
    /// is <c>sample</c> at no edit, and <c>SampleWorld</c> or <c>sample_world</c> is <c>sample-world</c> at one.
    /// </summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
