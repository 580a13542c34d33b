using System.Text.Json;

namespace WitHost.Abi.Tests;

/// <summary>
/// Finds and loads the Canonical ABI vectors: every <c>*.jsonl</c> in <c>&lt;repo&gt;/../shared/abi-vectors</c>
/// and, when the <c>WIT_ABI_VECTORS</c> environment variable names a directory, every <c>*.jsonl</c> there.
/// </summary>
internal static class AbiVectorCatalog
{
    /// <summary>The environment variable naming an extra directory of vector files.</summary>
    public const string ExtraDirectoryVariable = "WIT_ABI_VECTORS";

    /// <summary>The id reported when the shared vectors directory cannot be found.</summary>
    public const string MissingId = "<missing shared/abi-vectors>";

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(Load);

    /// <summary>Where the shared vectors are expected.</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "abi-vectors"));

    /// <summary>Every case id, in file order; a single <see cref="MissingId"/> row when the shared vectors are missing.</summary>
    public static IEnumerable<string> Ids => Cases.Value.Count == 0 ? [MissingId] : Cases.Value.Keys;

    /// <summary>The case called <paramref name="id"/>.</summary>
    public static JsonElement Get(string id) => Cases.Value[id];

    private static Dictionary<string, JsonElement> Load()
    {
        var cases = new Dictionary<string, JsonElement>();
        if (!Directory.Exists(SharedDirectory))
        {
            return cases;
        }

        var files = Directory.GetFiles(SharedDirectory, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (Environment.GetEnvironmentVariable(ExtraDirectoryVariable) is { Length: > 0 } extra)
        {
            files.AddRange(Directory.GetFiles(extra, "*.jsonl").Order(StringComparer.Ordinal));
        }

        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var element = JsonDocument.Parse(line).RootElement.Clone();
                var id = element.GetProperty("id").GetString()!;

                // Ids are unique within a file; a second file may reuse them, so qualify those.
                cases[cases.ContainsKey(id) ? $"{Path.GetFileName(file)}:{id}" : id] = element;
            }
        }

        return cases;
    }
}
