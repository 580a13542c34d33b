using WitHost.Wit.Diagnostics;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

// Package order and the acyclicity of packages and of the items inside a package.
internal sealed partial class Resolver
{
    private readonly Dictionary<PackageEntry, List<PackageItemEntry>> _itemOrder = new();

    /// <summary>Orders packages so dependencies come first; reports each dependency cycle.</summary>
    private void OrderPackages()
    {
        _packageOrder.AddRange(DependencyOrder.Of<PackageEntry, UsePathSyntax>(
            _packages.Values,
            package => ForeignReferences(package)
                .Select(reference => (Reference: reference, Target: _packages.TryGetValue(reference.Package!.ToModel(), out var target) ? target : null))
                .Where(edge => edge.Target is not null)
                .Select(edge => (edge.Target!, edge.Reference)),
            (target, reference) => _diagnostics.Error(DiagnosticCodes.PackageCycle, reference.Package!.Span, $"package `{target.Name}` creates a dependency cycle")));
    }

    private static IEnumerable<UsePathSyntax> ForeignReferences(PackageEntry package)
        => package.Source.Files.SelectMany(file => file.Items).SelectMany(SyntaxReferences.In).Where(path => !path.IsLocal);

    /// <summary>Reports interfaces/worlds that depend on themselves and records a dependency-first order.</summary>
    private void CheckItemCycles(PackageEntry package)
    {
        _itemOrder[package] = DependencyOrder.Of<PackageItemEntry, PackageItemEntry>(
            package.Interfaces.Cast<PackageItemEntry>().Concat(package.Worlds),
            LocalDependencies,
            (target, _) => _diagnostics.Error(DiagnosticCodes.ItemCycle, target.Name.Span, $"interface or world `{target.Name.Name}` depends on itself"));
    }

    /// <summary>The interfaces and worlds of its own package that an item names (<c>use</c>, imports, <c>include</c>).</summary>
    private static IEnumerable<(PackageItemEntry Target, PackageItemEntry Edge)> LocalDependencies(PackageItemEntry item)
    {
        var (syntax, file) = (item.Declaration, item.File);
        var includes = new HashSet<UsePathSyntax>(SyntaxReferences.Includes(syntax));
        foreach (var path in SyntaxReferences.In(syntax).Where(path => path.IsLocal))
        {
            // Only edges of the right kind count; a world named where an interface is expected
            // (or the reverse) is reported by the lookup instead.
            var target = LocalItem(file, path.Name.Name);
            if (target is not null && (target is WorldEntry) == includes.Contains(path))
            {
                yield return (target, target);
            }
        }
    }

    /// <summary>The local interface/world a bare name in <paramref name="file"/> means, or null.</summary>
    private static PackageItemEntry? LocalItem(FileScope file, string name)
    {
        if (file.Uses.TryGetValue(name, out var use))
        {
            return use.Path.IsLocal && file.Package.Items.TryGetValue(use.Path.Name.Name, out var renamed) ? renamed : null;
        }

        return file.Package.Items.TryGetValue(name, out var item) ? item : null;
    }

    private IEnumerable<PackageItemEntry> OrderItems(PackageEntry package) => _itemOrder[package];
}
