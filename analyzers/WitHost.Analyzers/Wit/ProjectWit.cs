using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WitHost.Generator.Model;
using WitHost.Generator.Binding;
using WitHost.Wit;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Analyzers.Wit;

/// <summary>
/// The .wit AdditionalFiles of one compilation and their resolutions. Made once per compilation
/// (a compilation-start action); files are read and packages resolved on first use and cached, so
/// many hosts reading one package resolve it once. Reads only through <see cref="AdditionalText"/>:
/// analyzers must not touch the file system.
/// </summary>
internal sealed class ProjectWit
{
    private readonly ImmutableArray<AdditionalText> _additionalFiles;
    private readonly CancellationToken _cancellationToken;
    private readonly Lazy<EquatableArray<WitSourceFile>> _files;
    private readonly ConcurrentDictionary<string, WitResolution> _resolutions = new(StringComparer.Ordinal);
    private readonly Lazy<ImmutableArray<WitPackage>> _allPackages;

    public ProjectWit(ImmutableArray<AdditionalText> additionalFiles, string projectDirectory, CancellationToken cancellationToken)
    {
        _additionalFiles = additionalFiles;
        _cancellationToken = cancellationToken;
        ProjectDirectory = projectDirectory;
        _files = new Lazy<EquatableArray<WitSourceFile>>(ReadFiles, LazyThreadSafetyMode.ExecutionAndPublication);
        _allPackages = new Lazy<ImmutableArray<WitPackage>>(ResolveEveryFile, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The project directory (<c>build_property.projectdir</c>), normalised; empty when unknown.</summary>
    public string ProjectDirectory { get; }

    /// <summary>The project's directory from the analyzer options, as the generator reads it.</summary>
    public static string ProjectDirectoryOf(AnalyzerOptions options)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.projectdir", out var directory)
            ? PathText.Normalize(directory)
            : "";

    /// <summary>
    /// The WIT a host with path <paramref name="witPath"/>, declared in <paramref name="sourceFilePath"/>,
    /// reads: found the way the generator finds it, resolved once per root path.
    /// </summary>
    public HostWit Find(string witPath, string sourceFilePath)
    {
        var (resolvedRootPath, packages) = WitSourceSelector.Select(witPath, sourceFilePath, _files.Value, ProjectDirectory);
        if (packages.IsEmpty)
        {
            return new HostWit(resolvedRootPath, null);
        }

        return new HostWit(resolvedRootPath, _resolutions.GetOrAdd(resolvedRootPath, _ => WitPackageResolver.Resolve(packages)));
    }

    /// <summary>
    /// Every package the .wit AdditionalFiles define that resolves without errors: each file on its
    /// own, or, when it only resolves together with its directory (a package split over files), that
    /// directory with its <c>deps/</c>.
    /// </summary>
    public ImmutableArray<WitPackage> AllPackages => _allPackages.Value;

    private EquatableArray<WitSourceFile> ReadFiles()
        => _additionalFiles
            .Where(file => file.Path.EndsWith(".wit", StringComparison.OrdinalIgnoreCase))
            .Select(file => new WitSourceFile(PathText.Normalize(file.Path), file.GetText(_cancellationToken)?.ToString() ?? ""))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToEquatableArray();

    private ImmutableArray<WitPackage> ResolveEveryFile()
    {
        var packages = ImmutableArray.CreateBuilder<WitPackage>();
        var seen = new HashSet<WitPackageName>();
        foreach (var file in _files.Value)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var resolution = Find(file.Path, "").Resolution;
            if (resolution is null or { HasErrors: true })
            {
                resolution = Find(PathText.GetDirectory(file.Path), "").Resolution;
            }

            if (resolution is { HasErrors: false })
            {
                packages.AddRange(resolution.Packages.Where(package => seen.Add(package.Name)));
            }
        }

        return packages.ToImmutable();
    }
}
