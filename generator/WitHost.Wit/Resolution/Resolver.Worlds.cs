using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

// Worlds: their own items, includes, and elaboration (implicit imports of interfaces that others depend on).
internal sealed partial class Resolver
{
    /// <summary>Resolves a world (memoised); null when excluded by a gate or still in progress (an include cycle).</summary>
    private WitWorld? ResolveWorld(WorldEntry entry)
    {
        if (entry.State != ResolutionState.NotStarted)
        {
            return entry.Result;
        }

        entry.State = ResolutionState.InProgress;
        var typeMembers = entry.Syntax.Members.Select(member => member switch
        {
            WorldTypeSyntax type => (InterfaceMemberSyntax?)type.Type,
            WorldUseSyntax use => use.Use,
            _ => null,
        }).OfType<InterfaceMemberSyntax>();
        var scope = BuildScope(entry.Owner, entry.File, typeMembers);
        if (entry.Gate.Excluded)
        {
            foreach (var member in scope.Ordered.Where(member => !member.Gate.Excluded))
            {
                _diagnostics.Error(DiagnosticCodes.ReferenceToDisabledItem, member.Name.Span,
                    $"type `{member.Name.Name}` is not gated by a feature but its world is excluded because its @unstable feature is not enabled");
            }

            entry.State = ResolutionState.Done;
            return null;
        }

        ResolveTypesInDependencyOrder(scope);
        var items = new WorldItems();
        var collector = new WorldCollector(this, entry, scope, items);
        collector.AddTypes();
        collector.AddImportsAndExports();
        collector.AddIncludes();
        var (imports, exports) = Elaborate(entry, items);
        entry.Result = new WitWorld(entry.Syntax.Name.Name, entry.Owner.Package, imports.ToEquatableArray(), exports.ToEquatableArray(), entry.Syntax.Docs, entry.Gate.Stability);
        entry.State = ResolutionState.Done;
        return entry.Result;
    }

    /// <summary>
    /// Adds, ahead of their users, the interfaces that imports depend on through <c>use</c>, and imports
    /// the dependencies of exported interfaces that are not exported themselves. The order follows
    /// wit-parser: interfaces, then types that come from interfaces, other types, functions, resource functions.
    /// </summary>
    private (List<WitWorldItem> Imports, List<WitWorldItem> Exports) Elaborate(WorldEntry entry, WorldItems items)
    {
        var imports = new WorldItems.OrderedItems();
        foreach (var item in items.Imports.Items.OrderBy(SortKey))
        {
            switch (item)
            {
                case WitWorldInterfaceItem interfaceItem:
                    ElaborateImport(imports, interfaceItem.Name, interfaceItem.Interface, interfaceItem.Stability, interfaceItem);
                    break;
                case WitWorldTypeItem typeItem:
                    if (InterfaceDependency(typeItem.Type) is { } dependency)
                    {
                        ElaborateImport(imports, dependency.QualifiedName, dependency, typeItem.Stability);
                    }

                    AddOnce(imports, item);
                    break;
                default:
                    AddOnce(imports, item);
                    break;
            }
        }

        var exports = new WorldItems.OrderedItems();
        var exportedInterfaces = items.Exports.Items.OfType<WitWorldInterfaceItem>().ToDictionary(item => item.Name, StringComparer.Ordinal);
        var requiredImports = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.Exports.Items)
        {
            if (item is WitWorldInterfaceItem interfaceItem)
            {
                if (!AddExport(interfaceItem.Name, interfaceItem.Interface, interfaceItem.Stability, true))
                {
                    _diagnostics.Error(DiagnosticCodes.IncompatibleTransitiveDependency, entry.Syntax.Name.Span,
                        $"interface `{interfaceItem.Name}` transitively depends on an interface in incompatible ways: an interface it needs is exported but would also have to be imported");
                    break;
                }
            }
            else
            {
                AddOnce(exports, item);
            }
        }

        return (imports.Items.OrderBy(SortKey).ToList(), exports.Items.ToList());

        // Exports `root` (when addRoot) or imports it, after its dependencies: a dependency that is exported
        // too is exported first, any other is imported. False when an interface would have to be both.
        // A walk with an explicit stack: `use` chains can be as long as the input.
        bool AddExport(string rootKey, WitInterface root, WitStability stability, bool addRoot)
        {
            var path = new Stack<(string Key, WitInterface Interface, bool AddExport, IEnumerator<WitInterface> Dependencies)>();
            if (Enter(rootKey, root, addRoot) is { } immediate)
            {
                return immediate;
            }

            while (path.Count > 0)
            {
                var frame = path.Peek();
                if (frame.Dependencies.MoveNext())
                {
                    var dependency = frame.Dependencies.Current;
                    var dependencyKey = dependency.QualifiedName;
                    if (Enter(dependencyKey, dependency, frame.AddExport && exportedInterfaces.ContainsKey(dependencyKey)) == false)
                    {
                        return false;
                    }

                    continue;
                }

                frame.Dependencies.Dispose();
                path.Pop();
                if (frame.AddExport)
                {
                    if (requiredImports.Contains(frame.Interface.QualifiedName))
                    {
                        return false;
                    }

                    exports.Add(exportedInterfaces.TryGetValue(frame.Key, out var original) ? original : new WitWorldInterfaceItem(frame.Key, stability, frame.Interface));
                }
                else
                {
                    requiredImports.Add(frame.Interface.QualifiedName);
                    if (!imports.Contains(frame.Key))
                    {
                        imports.Add(new WitWorldInterfaceItem(frame.Key, stability, frame.Interface));
                    }
                }
            }

            return true;

            // The answer for an interface already placed, or null once it is on the path to be placed.
            bool? Enter(string key, WitInterface @interface, bool addExport)
            {
                if (exports.Contains(key))
                {
                    return addExport;
                }

                if (!addExport && requiredImports.Contains(@interface.QualifiedName))
                {
                    return true;
                }

                path.Push((key, @interface, addExport, InterfaceDependencies(@interface).GetEnumerator()));
                return null;
            }
        }
    }

    /// <summary>Imports <paramref name="interface"/> under <paramref name="key"/> after its dependencies;
    /// <paramref name="original"/> is the item as written, when there is one (it keeps its external id).</summary>
    private void ElaborateImport(WorldItems.OrderedItems imports, string key, WitInterface @interface, WitStability stability, WitWorldItem? original = null)
    {
        // Dependencies first, with an explicit stack: `use` chains can be as long as the input.
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        var path = new Stack<(string Key, WitInterface Interface, WitWorldItem? Original, IEnumerator<WitInterface> Dependencies)>();
        Enter(key, @interface, original);
        while (path.Count > 0)
        {
            var frame = path.Peek();
            if (frame.Dependencies.MoveNext())
            {
                var dependency = frame.Dependencies.Current;
                Enter(dependency.QualifiedName, dependency, null);
                continue;
            }

            frame.Dependencies.Dispose();
            path.Pop();
            if (!imports.Contains(frame.Key))
            {
                imports.Add(frame.Original ?? new WitWorldInterfaceItem(frame.Key, stability, frame.Interface));
            }
        }

        void Enter(string itemKey, WitInterface item, WitWorldItem? itemOriginal)
        {
            if (!imports.Contains(itemKey) && onPath.Add(itemKey))
            {
                path.Push((itemKey, item, itemOriginal, InterfaceDependencies(item).GetEnumerator()));
            }
        }
    }

    private static void AddOnce(WorldItems.OrderedItems items, WitWorldItem item)
    {
        if (!items.Contains(item.Name))
        {
            items.Add(item);
        }
    }

    private static int SortKey(WitWorldItem item) => item switch
    {
        WitWorldInterfaceItem => 0,
        WitWorldTypeItem { Type: WitAliasType { Target: WitNamedType target } alias } when !target.Owner.Equals(alias.Owner) => 1,
        WitWorldTypeItem => 2,
        WitWorldFunctionItem { Function.Resource: null } => 3,
        _ => 4,
    };

    /// <summary>The interfaces an interface <c>use</c>s types from, in declaration order.</summary>
    private IEnumerable<WitInterface> InterfaceDependencies(WitInterface @interface)
    {
        foreach (var type in @interface.Types)
        {
            if (InterfaceDependency(type) is { } dependency)
            {
                yield return dependency;
            }
        }
    }

    /// <summary>The interface a type alias points into, when that is another interface.</summary>
    private WitInterface? InterfaceDependency(WitNamedType type)
    {
        if (type is WitAliasType { Target: WitNamedType target } alias
            && !target.Owner.Equals(alias.Owner)
            && target.Owner.Kind == WitOwnerKind.Interface
            && _interfacesByQualifiedName.TryGetValue(target.Owner.QualifiedName, out var entry))
        {
            return ResolveInterface(entry);
        }

        return null;
    }
}
