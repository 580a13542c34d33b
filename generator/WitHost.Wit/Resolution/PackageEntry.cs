using WitHost.Wit.Model;

namespace WitHost.Wit.Resolution;

/// <summary>A package being resolved: its interfaces and worlds by name.</summary>
internal sealed class PackageEntry
{
    public PackageEntry(PackageSource source) => Source = source;

    public PackageSource Source { get; }

    public WitPackageName Name => Source.Name;

    public List<FileScope> Files { get; } = new();

    /// <summary>Interfaces in declaration order.</summary>
    public List<InterfaceEntry> Interfaces { get; } = new();

    /// <summary>Worlds in declaration order.</summary>
    public List<WorldEntry> Worlds { get; } = new();

    /// <summary>Interfaces and worlds by name (they share one namespace).</summary>
    public Dictionary<string, PackageItemEntry> Items { get; } = new(StringComparer.Ordinal);
}
