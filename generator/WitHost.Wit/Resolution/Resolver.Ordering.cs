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
        var state = new Dictionary<PackageEntry, ResolutionState>();
        foreach (var package in _packages.Values)
        {
            Visit(package);
        }

        void Visit(PackageEntry package)
        {
            if (state.TryGetValue(package, out var current) && current != ResolutionState.NotStarted)
            {
                return;
            }

            state[package] = ResolutionState.InProgress;
            foreach (var reference in ForeignReferences(package))
            {
                if (!_packages.TryGetValue(reference.Package!.ToModel(), out var target))
                {
                    continue;
                }

                state.TryGetValue(target, out var targetState);
                if (targetState == ResolutionState.InProgress)
                {
                    _diagnostics.Error(DiagnosticCodes.PackageCycle, reference.Package.Span, $"package `{target.Name}` creates a dependency cycle");
                }
                else if (targetState == ResolutionState.NotStarted)
                {
                    Visit(target);
                }
            }

            state[package] = ResolutionState.Done;
            _packageOrder.Add(package);
        }
    }

    private static IEnumerable<UsePathSyntax> ForeignReferences(PackageEntry package)
        => package.Source.Files.SelectMany(file => file.Items).SelectMany(SyntaxReferences.In).Where(path => !path.IsLocal);

    /// <summary>Reports interfaces/worlds that depend on themselves and records a dependency-first order.</summary>
    private void CheckItemCycles(PackageEntry package)
    {
        var order = new List<PackageItemEntry>();
        var state = new Dictionary<PackageItemEntry, ResolutionState>();
        foreach (var item in package.Interfaces.Cast<PackageItemEntry>().Concat(package.Worlds))
        {
            Visit(item);
        }

        _itemOrder[package] = order;

        void Visit(PackageItemEntry item)
        {
            state.TryGetValue(item, out var current);
            if (current != ResolutionState.NotStarted)
            {
                return;
            }

            state[item] = ResolutionState.InProgress;
            var (syntax, file) = (item.Declaration, item.File);
            var includes = new HashSet<UsePathSyntax>(SyntaxReferences.Includes(syntax));
            foreach (var path in SyntaxReferences.In(syntax).Where(path => path.IsLocal))
            {
                // Only edges of the right kind count; a world named where an interface is expected
                // (or the reverse) is reported by the lookup instead.
                var target = LocalItem(file, path.Name.Name);
                if (target is null || (target is WorldEntry) != includes.Contains(path))
                {
                    continue;
                }

                state.TryGetValue(target, out var targetState);
                if (targetState == ResolutionState.InProgress)
                {
                    var name = target.Name;
                    _diagnostics.Error(DiagnosticCodes.ItemCycle, name.Span, $"interface or world `{name.Name}` depends on itself");
                }
                else if (targetState == ResolutionState.NotStarted)
                {
                    Visit(target);
                }
            }

            state[item] = ResolutionState.Done;
            order.Add(item);
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
