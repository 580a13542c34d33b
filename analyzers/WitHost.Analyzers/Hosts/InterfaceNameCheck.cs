using Microsoft.CodeAnalysis.Diagnostics;
using WitHost.Analyzers.Names;
using WitHost.Analyzers.Wit;
using WitHost.Generator.Binding;

namespace WitHost.Analyzers.Hosts;

/// <summary>
/// Checks the C#-first form, <c>[WitHost("ns:pkg/iface[@version]")]</c> on an interface: the name is
/// kebab-case (WITHOST1001), and when the project's .wit files define that package, the package has
/// that interface (WITHOST1002). A package no .wit file defines is the C# code's own: nothing to
/// compare with.
/// </summary>
internal static class InterfaceNameCheck
{
    public static void Run(SymbolAnalysisContext context, HostAttributeArguments host, ProjectWit wit)
    {
        // A text of neither shape is the generator's to report.
        if (WitQualifiedName.Parse(host.Path!) is not { IsQualified: true } name
            || !NameReport.CheckSpelling(context, name, host.PathSyntax))
        {
            return;
        }

        var packages = wit.AllPackages
            .Where(package => package.Name.Namespace == name.Namespace
                && package.Name.Name == name.Package
                && (name.Version is null || package.Name.Version?.ToString() == name.Version))
            .ToList();
        if (packages.Count == 0 || packages.Any(package => package.FindInterface(name.Item) is not null))
        {
            return;
        }

        var interfaces = packages.SelectMany(package => package.Interfaces).Select(item => item.Name).Distinct(StringComparer.Ordinal).ToList();
        var suggestions = NameSuggestions.Closest(name.Item, interfaces)
            .Select(item => name.With(name.Namespace, name.Package, item))
            .ToList();
        NameReport.ReportUnknown(context, Descriptors.InterfaceNotFound, host.PathSyntax, name.Item, packages[0].Name.ToString(), interfaces, suggestions);
    }
}
