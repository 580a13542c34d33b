using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

internal sealed partial class Resolver
{
    /// <summary>
    /// Gathers a world's own imports and exports and its includes, in wit-parser's order (types,
    /// then imports/exports, then includes), checking name clashes as it goes.
    /// </summary>
    private sealed class WorldCollector
    {
        private readonly Resolver _resolver;
        private readonly WorldEntry _entry;
        private readonly TypeScope _scope;
        private readonly WorldItems _items;
        private readonly Dictionary<string, string> _importsByLowerName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _exportsByLowerName = new(StringComparer.Ordinal);

        public WorldCollector(Resolver resolver, WorldEntry entry, TypeScope scope, WorldItems items)
        {
            _resolver = resolver;
            _entry = entry;
            _scope = scope;
            _items = items;
        }

        private DiagnosticBag Diagnostics => _resolver._diagnostics;

        public void AddTypes()
        {
            foreach (var member in _scope.Ordered.Where(member => !member.Gate.Excluded))
            {
                var type = _resolver.ResolveMember(_scope, member);
                if (type is null)
                {
                    continue;
                }

                AddNamed(isExport: false, member.Name, new WitWorldTypeItem(member.Name.Name, member.Gate.Stability, type));
                if (member is TypeMember { Syntax: ResourceSyntax resource } && type is WitResourceType resourceType)
                {
                    foreach (var function in _resolver.ResolveResourceFunctions(_scope, resource, resourceType))
                    {
                        AddNamed(isExport: false, resource.Name, new WitWorldFunctionItem(function.ExternalName, function.Stability, function));
                    }
                }
            }

            foreach (var member in _scope.Ordered.Where(member => member.Gate.Excluded))
            {
                if (member is TypeMember { Syntax: ResourceSyntax resource })
                {
                    _resolver.CheckExcludedResourceFunctions(_scope, resource);
                }
            }
        }

        public void AddImportsAndExports()
        {
            foreach (var member in _entry.Syntax.Members.OfType<ImportExportSyntax>())
            {
                var gate = _resolver.EvaluateGate(member, _entry.File.Package);
                if (gate.Excluded)
                {
                    continue;
                }

                switch (member.Kind)
                {
                    case ExternKind.Path:
                    {
                        if (ResolveInterfacePath(member.Path!, gate) is not { } resolved)
                        {
                            break;
                        }

                        var items = member.IsExport ? _items.Exports : _items.Imports;
                        var key = resolved.QualifiedName;
                        if (items.Contains(key))
                        {
                            Diagnostics.Error(DiagnosticCodes.InterfaceRepeated, member.Path!.Span,
                                $"interface cannot be {(member.IsExport ? "exported" : "imported")} more than once");
                            break;
                        }

                        items.Add(new WitWorldInterfaceItem(key, gate.Stability, resolved) { ExternalId = gate.ExternalId, Docs = member.Docs });
                        break;
                    }

                    case ExternKind.NamedPath:
                        if (ResolveInterfacePath(member.Path!, gate) is { } named)
                        {
                            AddNamed(member.IsExport, member.Name!, new WitWorldInterfaceItem(member.Name!.Name, gate.Stability, named) { ExternalId = gate.ExternalId, Docs = member.Docs });
                        }

                        break;

                    case ExternKind.Function:
                    {
                        var function = _resolver.ResolveFunction(_scope, member.Name!, member.Function!, WitFunctionKind.Freestanding, null, member.Docs, gate);
                        AddNamed(member.IsExport, member.Name!, new WitWorldFunctionItem(member.Name!.Name, gate.Stability, function) { ExternalId = gate.ExternalId, Docs = member.Docs });
                        break;
                    }

                    case ExternKind.InlineInterface:
                    {
                        var owner = new WitOwner(WitOwnerKind.Interface, _entry.Owner.Package, member.Name!.Name, _entry.Syntax.Name.Name);
                        var inline = member.Interface! with { Docs = member.Docs };
                        var entry = new InterfaceEntry(inline, _entry.File, owner, gate);
                        if (_resolver.ResolveInterface(entry) is { } resolved)
                        {
                            AddNamed(member.IsExport, member.Name!, new WitWorldInterfaceItem(member.Name!.Name, gate.Stability, resolved) { ExternalId = gate.ExternalId, Docs = member.Docs });
                        }

                        break;
                    }
                }
            }
        }

        public void AddIncludes()
        {
            foreach (var include in _entry.Syntax.Members.OfType<IncludeSyntax>())
            {
                var gate = _resolver.EvaluateGate(include, _entry.File.Package);
                if (gate.Excluded)
                {
                    continue;
                }

                var target = _resolver.LookupWorld(_entry.File, include.Path);
                if (target is null)
                {
                    continue;
                }

                if (target.Gate.Excluded)
                {
                    _resolver.ReportExcluded(include.Path.Name.Span, "a world");
                    continue;
                }

                var world = _resolver.ResolveWorld(target);
                if (world is null)
                {
                    continue;
                }

                var unused = include.Names.ToList();
                foreach (var item in world.Imports.Concat(world.Exports))
                {
                    unused.RemoveAll(name => Rename(item.Name, name) is not null);
                }

                foreach (var name in unused)
                {
                    Diagnostics.Error(DiagnosticCodes.IncludeNameNotFound, name.Name.Span,
                        $"world `{world.Name}` has no import or export with the plain name `{name.Name.Name}` (interface names cannot be renamed)");
                }

                // World-level types and functions become the including world's own (wit-parser clones them).
                var rehomer = new WorldTypeRehomer(target.Owner, _entry.Owner);
                Merge(world.Imports, _items.Imports, include, "import", rehomer);
                Merge(world.Exports, _items.Exports, include, "export", rehomer);
            }
        }

        private void Merge(IEnumerable<WitWorldItem> source, WorldItems.OrderedItems target, IncludeSyntax include, string kind, WorldTypeRehomer rehomer)
        {
            foreach (var item in source)
            {
                if (item is WitWorldInterfaceItem { Interface.Owner.IsInlineInterface: false } interfaceItem && interfaceItem.Name == interfaceItem.Interface.QualifiedName)
                {
                    // Interfaces included by their own name merge with an existing import/export of the same interface.
                    if (!target.Contains(item.Name))
                    {
                        target.Add(item);
                    }

                    continue;
                }

                var newName = include.Names.Select(name => Rename(item.Name, name)).FirstOrDefault(name => name is not null) ?? item.Name;
                if (target.Contains(newName))
                {
                    Diagnostics.Error(DiagnosticCodes.IncludeShadows, include.Path.Span, $"{kind} of `{newName}` shadows previously {kind}ed items");
                    continue;
                }

                target.Add(rehomer.Rehome(item, newName));
            }
        }

        /// <summary>The new name of <paramref name="name"/> under <c>with { a as b }</c>, also for
        /// <c>[method]a.x</c>-style names of resource functions; null when it does not apply.</summary>
        private static string? Rename(string name, IncludeNameSyntax rename)
        {
            if (name == rename.Name.Name)
            {
                return rename.As.Name;
            }

            if (name.StartsWith("[", StringComparison.Ordinal))
            {
                var close = name.IndexOf(']');
                var rest = name.Substring(close + 1);
                var dot = rest.IndexOf('.');
                var resource = dot < 0 ? rest : rest.Substring(0, dot);
                if (resource == rename.Name.Name)
                {
                    return name.Substring(0, close + 1) + rename.As.Name + (dot < 0 ? "" : rest.Substring(dot));
                }
            }

            return null;
        }

        private WitInterface? ResolveInterfacePath(UsePathSyntax path, Gate gate)
        {
            var target = _resolver.LookupInterface(_entry.File, path);
            if (target is null)
            {
                return null;
            }

            if (target.Gate.Excluded)
            {
                if (!gate.Excluded)
                {
                    _resolver.ReportExcluded(path.Name.Span, "an interface");
                }

                return null;
            }

            return _resolver.ResolveInterface(target);
        }

        /// <summary>Adds an item with a plain name, reporting clashes (exact and case-insensitive).</summary>
        private void AddNamed(bool isExport, IdentifierSyntax at, WitWorldItem item)
        {
            var items = isExport ? _items.Exports : _items.Imports;
            var direction = isExport ? "export" : "import";
            if (items.TryGet(item.Name, out var previous))
            {
                Diagnostics.Error(DiagnosticCodes.WorldNameConflict, at.Span,
                    $"{direction} `{item.Name}` conflicts with prior {KindOf(previous)} of same name");
                return;
            }

            var lower = item.Name.ToLowerInvariant();
            var byLower = isExport ? _exportsByLowerName : _importsByLowerName;
            if (byLower.TryGetValue(lower, out var other))
            {
                Diagnostics.Error(DiagnosticCodes.CaseInsensitiveClash, at.Span,
                    $"{direction} `{item.Name}` in world `{_entry.Syntax.Name.Name}` conflicts with {direction} `{other}` (kebab-case identifiers are case-insensitive)");
                return;
            }

            byLower.Add(lower, item.Name);
            items.Add(item);
        }

        private static string KindOf(WitWorldItem item) => item switch
        {
            WitWorldFunctionItem => "func",
            WitWorldTypeItem => "type",
            _ => "interface",
        };
    }
}
