using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WitHost.Analyzers.Names;
using WitHost.Analyzers.Wit;

namespace WitHost.Analyzers.Hosts;

/// <summary>
/// Checks a class host against the project's WIT: the path is an AdditionalFile (WITHOST0003), the
/// world is spelt as WIT spells names (WITHOST1001), exists (WITHOST0004) or is unambiguous when
/// left out (WITHOST0005). Looks worlds up exactly as the generator's WorldBinder does.
/// </summary>
internal static class WorldCheck
{
    public static void Run(SymbolAnalysisContext context, HostAttributeArguments host, ProjectWit wit, string sourceFilePath)
    {
        // An empty path is the generator's WITHOST0009.
        if (string.IsNullOrWhiteSpace(host.Path))
        {
            return;
        }

        var worldName = host.World is { Length: > 0 } world ? WitQualifiedName.Parse(world) : null;
        var spellingIsValid = worldName is null || NameReport.CheckSpelling(context, worldName, host.WorldSyntax);

        var found = wit.Find(host.Path!, sourceFilePath);
        if (found.Resolution is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.WitPathNotInAdditionalFiles,
                host.PathSyntax?.GetLocation() ?? host.Syntax.GetLocation(),
                host.Path,
                found.ResolvedRootPath,
                AdditionalFilesItem(host.Path!)));
            return;
        }

        // WIT errors are the generator's (located in the .wit file); no root package is its WITHOST0010.
        if (found.Resolution.HasErrors || found.Resolution.Root is not { } root || !spellingIsValid)
        {
            return;
        }

        var worlds = root.Worlds.Select(item => item.Name).ToList();
        if (string.IsNullOrEmpty(host.World))
        {
            if (worlds.Count != 1)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.WorldNotSpecified,
                    host.Syntax.GetLocation(),
                    NameReport.Replacements(worlds),
                    root.Name.ToString(),
                    worlds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    worlds.Count == 0 ? "none" : string.Join(", ", worlds)));
            }

            return;
        }

        // A plain name is looked up in the root package; `ns:pkg/world[@version]` in every package.
        var known = host.World!.IndexOf('/') < 0
            ? worlds
            : found.Resolution.Packages.SelectMany(package => package.Worlds).Select(item => item.QualifiedName).ToList();
        if (!known.Contains(host.World, StringComparer.Ordinal))
        {
            NameReport.ReportUnknown(context, Descriptors.WorldNotFound, host.WorldSyntax, host.World, root.Name.ToString(), worlds, NameSuggestions.Closest(host.World, known));
        }
    }

    /// <summary>The project item that makes <paramref name="path"/> visible: the file, or a directory's .wit files (deps/ included).</summary>
    public static string AdditionalFilesItem(string path)
    {
        var include = path.EndsWith(".wit", StringComparison.OrdinalIgnoreCase)
            ? path
            : path.TrimEnd('/', '\\') + "/**/*.wit";
        return $"<AdditionalFiles Include=\"{include}\" />";
    }
}
