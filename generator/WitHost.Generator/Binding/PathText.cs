namespace WitHost.Generator.Binding;

/// <summary>
/// Path arithmetic on strings only. Generators must not touch the file system, and
/// <c>System.IO.Path</c>'s full-path resolution may, so the few operations needed are spelled out.
/// Paths are normalised to forward slashes without <c>.</c> and <c>..</c> segments.
/// </summary>
internal static class PathText
{
    /// <summary>True for <c>/x</c>, <c>\\server</c> and <c>C:\x</c> / <c>C:/x</c>.</summary>
    public static bool IsRooted(string path)
        => path.StartsWith("/", StringComparison.Ordinal)
            || path.StartsWith("\\", StringComparison.Ordinal)
            || (path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]));

    /// <summary><paramref name="relative"/> under <paramref name="directory"/>, or <paramref name="relative"/> itself when rooted.</summary>
    public static string Combine(string directory, string relative)
        => IsRooted(relative) || directory.Length == 0 ? Normalize(relative) : Normalize(directory + "/" + relative);

    /// <summary>The directory part of <paramref name="path"/>, or empty when it has none.</summary>
    public static string GetDirectory(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash switch
        {
            < 0 => "",
            0 => "/",
            _ => normalized.Substring(0, slash),
        };
    }

    /// <summary>Forward slashes, no empty, <c>.</c> or <c>..</c> segments, no trailing slash.</summary>
    public static string Normalize(string path)
    {
        var unified = path.Replace('\\', '/');
        var rooted = unified.StartsWith("/", StringComparison.Ordinal);
        var segments = new List<string>();
        foreach (var segment in unified.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        var joined = string.Join("/", segments);
        return rooted ? "/" + joined : joined;
    }
}
