using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>What one <c>[WitHost]</c> class asks for, read from its declaration.</summary>
/// <param name="Namespace">The class's namespace, or empty for the global namespace.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="WitPath">The path argument as written: a .wit file or a directory.</param>
/// <param name="SourceFilePath">The C# file that declares the attribute; relative WIT paths fall back to its directory.</param>
/// <param name="World">The world name, or null when the package has to have exactly one world.</param>
/// <param name="Encoding">The string encoding.</param>
/// <param name="AttributeLocation">The attribute, for diagnostics about the host.</param>
internal sealed record HostSpec(
    string Namespace,
    string ClassName,
    string WitPath,
    string SourceFilePath,
    string? World,
    StringEncodingKind Encoding,
    SourceLocationInfo AttributeLocation)
{
    /// <summary>The C#-first interfaces of <c>[WitImport]</c> attributes, fully qualified C# names.</summary>
    public EquatableArray<string> CSharpImports { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The C#-first interfaces of <c>[WitExport]</c> attributes, fully qualified C# names.</summary>
    public EquatableArray<string> CSharpExports { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// False when the class is not partial or is nested (WITHOST0001, 0002): the world's types and
    /// interfaces are generated, the members of the class are not.
    /// </summary>
    public bool IsExtensible { get; init; } = true;

    /// <summary>The path argument, for diagnostics about the WIT it names; null when not written as an argument.</summary>
    public SourceLocationInfo? PathLocation { get; init; }

    /// <summary>The <c>World</c> argument, for diagnostics about the world; null when left out.</summary>
    public SourceLocationInfo? WorldLocation { get; init; }

    /// <summary>True when the world has C#-first interfaces (and so is derived rather than read from a .wit file alone).</summary>
    public bool HasCSharpFirstInterfaces => !CSharpImports.IsEmpty || !CSharpExports.IsEmpty;
}
