namespace WitHost.Wamr;

/// <summary>What a guest sees through WASI (wasi_snapshot_preview1).</summary>
public sealed record WasiOptions
{
    /// <summary>Command-line arguments (<c>argv</c>, program name first if the guest expects one).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables as <c>NAME=value</c> pairs.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Host directories the guest may open, each visible to the guest under the same path.
    /// (WAMR 1.1.2's WASI on Linux cannot map a directory to another guest path.)
    /// </summary>
    public IReadOnlyList<string> PreopenedDirectories { get; init; } = [];
}
