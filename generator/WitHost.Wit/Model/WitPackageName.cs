namespace WitHost.Wit.Model;

/// <summary>A package name: <c>namespace:name[@version]</c>, e.g. <c>wasi:io@0.2.0</c>.</summary>
/// <param name="Namespace">The namespace, e.g. <c>wasi</c>.</param>
/// <param name="Name">The package name inside the namespace, e.g. <c>io</c>.</param>
/// <param name="Version">The version, when the package declares one.</param>
public sealed record WitPackageName(string Namespace, string Name, WitVersion? Version)
{
    /// <summary>The Component Model name of interface <paramref name="interfaceName"/> in this package,
    /// e.g. <c>wasi:io/streams@0.2.0</c>.</summary>
    public string QualifyInterface(string interfaceName)
        => $"{Namespace}:{Name}/{interfaceName}" + (Version is null ? "" : "@" + Version);

    /// <summary>The name as written: <c>namespace:name[@version]</c>.</summary>
    public override string ToString() => $"{Namespace}:{Name}" + (Version is null ? "" : "@" + Version);
}
