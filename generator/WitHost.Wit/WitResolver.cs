using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Resolution;

namespace WitHost.Wit;

/// <summary>Parses and resolves WIT: the front end's entry points.</summary>
public static class WitResolver
{
    /// <summary>
    /// Resolves a file, or a directory whose <c>*.wit</c> files form the root package and whose
    /// <c>deps/</c> folder holds its dependencies (each a directory or a single <c>.wit</c> file).
    /// </summary>
    /// <param name="path">A <c>.wit</c> file or a directory.</param>
    /// <param name="options">Which <c>@unstable</c> features are enabled; null for none.</param>
    public static WitResolution ResolvePath(string path, WitResolverOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var groups = SourceLoader.Load(path, diagnostics);
        return new Resolver(options ?? WitResolverOptions.Default, diagnostics).Resolve(groups);
    }

    /// <summary>
    /// Resolves WIT source text that is not on disk: one file, with its dependencies written inline
    /// as <c>package … { }</c> blocks.
    /// </summary>
    /// <param name="text">The WIT source (a whole file: <c>package x:y; interface … </c>).</param>
    /// <param name="path">The name reported in diagnostics.</param>
    /// <param name="options">Which <c>@unstable</c> features are enabled; null for none.</param>
    public static WitResolution ResolveText(string text, string path, WitResolverOptions? options = null)
        => ResolveFiles(new[] { (text, path) }, options);

    /// <summary>
    /// Resolves several in-memory files; the first forms the root package (as a one-file package),
    /// each further file is a dependency.
    /// </summary>
    /// <param name="files">Pairs of source text and the path to report.</param>
    /// <param name="options">Which <c>@unstable</c> features are enabled; null for none.</param>
    public static WitResolution ResolveFiles(IEnumerable<(string Text, string Path)> files, WitResolverOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var groups = files
            .Select(file => new SourceLoader.FileGroup(new[] { SourceLoader.ParseText(file.Text, file.Path, diagnostics) }))
            .ToList();
        return new Resolver(options ?? WitResolverOptions.Default, diagnostics).Resolve(groups);
    }

    /// <summary>
    /// Resolves in-memory files laid out like a directory: <paramref name="root"/> holds the files of
    /// the root package (as the <c>*.wit</c> files of a directory), and each element of
    /// <paramref name="dependencies"/> the files of one dependency (as one <c>deps/</c> entry).
    /// </summary>
    /// <param name="root">The files of the root package.</param>
    /// <param name="dependencies">One group of files per dependency.</param>
    /// <param name="options">Which <c>@unstable</c> features are enabled; null for none.</param>
    public static WitResolution ResolveSources(
        IEnumerable<WitSourceFile> root,
        IEnumerable<IEnumerable<WitSourceFile>> dependencies,
        WitResolverOptions? options = null)
    {
        var diagnostics = new DiagnosticBag();
        var groups = new[] { root }.Concat(dependencies)
            .Select(group => new SourceLoader.FileGroup(group.Select(file => SourceLoader.ParseText(file.Text, file.Path, diagnostics)).ToList()))
            .ToList();
        return new Resolver(options ?? WitResolverOptions.Default, diagnostics).Resolve(groups);
    }
}
