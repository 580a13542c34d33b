using System.Globalization;
using WitHost.Generator.Model;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// Turns a host's WIT into its <see cref="WorldBinding"/>: resolves the packages, finds the world,
/// and binds every interface the world imports or exports. Exports contribute their types only:
/// calling exports needs the Canonical ABI stubs, which are generated in a later stage.
/// </summary>
internal static class WorldBinder
{
    public static WorldBindingResult Bind(HostSources sources)
    {
        var spec = sources.Spec;
        var diagnostics = new List<DiagnosticInfo>();
        if (sources.Packages.IsEmpty)
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(
                DiagnosticDescriptors.WitPathNotFound,
                spec.PathLocation ?? spec.AttributeLocation,
                spec.WitPath,
                sources.ResolvedRootPath,
                AdditionalFilesItem(spec.WitPath)));
            return new WorldBindingResult(null, diagnostics.ToEquatableArray());
        }

        var resolution = WitPackageResolver.Resolve(sources.Packages);
        diagnostics.AddRange(resolution.Diagnostics.Select(DiagnosticInfoFactory.FromWit));
        if (resolution.HasErrors)
        {
            return new WorldBindingResult(null, diagnostics.ToEquatableArray());
        }

        if (resolution.Root is not { } root)
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.NoRootPackage, spec.AttributeLocation, sources.ResolvedRootPath));
            return new WorldBindingResult(null, diagnostics.ToEquatableArray());
        }

        var world = FindWorld(spec, root, resolution, diagnostics);
        if (world is null)
        {
            return new WorldBindingResult(null, diagnostics.ToEquatableArray());
        }

        var binding = BindWorld(spec, world, MultiVersionPackages(resolution), diagnostics);
        return new WorldBindingResult(binding, diagnostics.ToEquatableArray());
    }

    private static WitWorld? FindWorld(HostSpec spec, WitPackage root, WitResolution resolution, List<DiagnosticInfo> diagnostics)
    {
        var worlds = root.Worlds.Select(world => world.Name).ToList();
        var listed = worlds.Count == 0 ? "none" : string.Join(", ", worlds);
        if (spec.World is null)
        {
            if (root.Worlds.Count == 1)
            {
                return root.Worlds[0];
            }

            // The code fix offers each world, in the package's order.
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.WorldNotSpecified, spec.AttributeLocation, root.Name.ToString(), root.Worlds.Count.ToString(CultureInfo.InvariantCulture), listed) with
            {
                Replacements = worlds.ToEquatableArray(),
            });
            return null;
        }

        // A plain name is looked up in the root package; `ns:pkg/world[@version]` in every package.
        var isQualified = spec.World.IndexOf('/') >= 0;
        var found = isQualified
            ? resolution.Packages.SelectMany(package => package.Worlds).FirstOrDefault(world => world.QualifiedName == spec.World)
            : root.FindWorld(spec.World);
        if (found is null)
        {
            var known = isQualified ? resolution.Packages.SelectMany(package => package.Worlds).Select(world => world.QualifiedName) : worlds;
            var suggestions = NameSuggestions.Closest(spec.World, known);
            var hint = suggestions.Count == 0 ? "" : "; did you mean " + string.Join(" or ", suggestions.Select(suggestion => $"'{suggestion}'")) + "?";
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.WorldNotFound, spec.WorldLocation ?? spec.AttributeLocation, spec.World, root.Name.ToString(), listed, hint) with
            {
                Replacements = suggestions.ToEquatableArray(),
            });
        }

        return found;
    }

    /// <summary>The project item that makes <paramref name="path"/> visible: the file, or a directory's .wit files (deps/ included).</summary>
    public static string AdditionalFilesItem(string path)
    {
        var include = path.EndsWith(".wit", StringComparison.OrdinalIgnoreCase)
            ? path
            : path.TrimEnd('/', '\\') + "/**/*.wit";
        return $"<AdditionalFiles Include=\"{include}\" />";
    }

    // Packages of which the host's WIT holds several versions (`my:dep@0.1.0` and `@0.2.0`): their
    // namespaces carry the version, so the versions' types and host interfaces do not collide.
    private static HashSet<string> MultiVersionPackages(WitResolution resolution)
        => new(
            resolution.Packages
                .GroupBy(package => package.Name.Namespace + ":" + package.Name.Name, StringComparer.Ordinal)
                .Where(group => group.Select(package => package.Name.Version?.ToString()).Distinct().Count() > 1)
                .Select(group => group.Key),
            StringComparer.Ordinal);

    private static WorldBinding BindWorld(HostSpec spec, WitWorld world, HashSet<string> multiVersionPackages, List<DiagnosticInfo> diagnostics)
    {
        var items = WorldItems.Of(world);
        var worldOwner = new WitOwner(WitOwnerKind.World, world.Package, null, world.Name);
        var importedScopes = new HashSet<string>(StringComparer.Ordinal) { ScopeKeys.For(worldOwner) };
        foreach (var item in items.ImportedInterfaces)
        {
            importedScopes.Add(ScopeKeys.For(item.Interface.Owner));
        }

        var importMapper = new TypeMapper(importedScopes, multiVersionPackages);
        var imports = new WorldSide(importMapper, new CallBinder(new AbiTypeBinder(importMapper)), new ScopeBinder(importMapper, diagnostics, spec.AttributeLocation));
        var exportMapper = new TypeMapper(importedScopes, multiVersionPackages, ExportSideNamespaces(importMapper, items, importedScopes));
        var exportCalls = new CallBinder(new AbiTypeBinder(exportMapper));
        var exports = new WorldSide(exportMapper, exportCalls, new ScopeBinder(exportMapper, diagnostics, spec.AttributeLocation, exportCalls.CanBindExport));

        var scopes = new List<ScopeBinding>();
        var properties = BindImports(imports, world, worldOwner, items, scopes, diagnostics, spec);
        var (exportInterfaces, exportFunctions) = BindExports(exports, items, scopes, diagnostics, spec);
        var (namedProperties, tables, repTables) = BindTables(imports, exportMapper, worldOwner, items, scopes, properties, diagnostics, spec);
        return new WorldBinding(spec, world.QualifiedName, world.Docs, namedProperties, exportInterfaces, exportFunctions, scopes.ToEquatableArray(), tables, repTables, CoreWorldContract.For(world));
    }

    // The imported interfaces and the world's own imports: their scopes (types and host
    // interfaces) and a property of the host class for each host interface, with its calls.
    private static List<ImportPropertyBinding> BindImports(
        WorldSide imports,
        WitWorld world,
        WitOwner worldOwner,
        WorldItems items,
        List<ScopeBinding> scopes,
        List<DiagnosticInfo> diagnostics,
        HostSpec spec)
    {
        var properties = new List<ImportPropertyBinding>();
        var propertyNames = new ImportPropertyNames(items.ImportedInterfaces);
        foreach (var item in items.ImportedInterfaces)
        {
            var @interface = item.Interface;
            var scope = BindInterface(imports.Scopes, imports.Mapper, @interface, isImported: true);
            if (scope is null)
            {
                continue;
            }

            if (!scopes.Contains(scope))
            {
                scopes.Add(scope);
            }

            if (scope.HostInterface is { } host)
            {
                properties.Add(new ImportPropertyBinding(
                    propertyNames.For(item),
                    host.FullName,
                    item.Name,
                    BindImportCalls(InstanceCalls(imports, item), host, item.Name, @interface.Functions, diagnostics, spec)));
            }
        }

        // World-level imports (types and functions declared in the world) form one scope of their own.
        var worldName = CSharpNames.ToPascalCase(world.Name);
        var worldScope = imports.Scopes.Bind(
            ScopeKeys.For(worldOwner),
            worldOwner,
            items.ImportedTypes,
            items.ImportedFunctions,
            "I" + worldName + "Imports",
            world.Docs,
            isImported: true);

        if (worldScope is not null)
        {
            scopes.Add(worldScope);
            if (worldScope.HostInterface is { } host)
            {
                properties.Add(new ImportPropertyBinding(
                    propertyNames.Claim(worldName),
                    host.FullName,
                    "$root",
                    BindImportCalls(imports.Calls, host, null, items.ImportedFunctions, diagnostics, spec)));
            }
        }

        return properties;
    }

    // Exported interfaces contribute their types and the handle classes of their resources (a
    // scope each, unless the import side bound it already), and the guest class its wrappers.
    private static (EquatableArray<ExportInterfaceBinding> Interfaces, EquatableArray<CallBinding> Functions) BindExports(
        WorldSide exports,
        WorldItems items,
        List<ScopeBinding> scopes,
        List<DiagnosticInfo> diagnostics,
        HostSpec spec)
    {
        foreach (var item in items.ExportedInterfaces)
        {
            var key = exports.Mapper.ScopeKey(item.Interface.Owner);
            if (scopes.Any(scope => scope.Key == key))
            {
                continue;
            }

            if (BindInterface(exports.Scopes, exports.Mapper, item.Interface, isImported: false) is { } scope)
            {
                scopes.Add(scope);
            }
        }

        // Interface properties, their classes and the world's own export wrappers are all members of the guest class.
        var guestMembers = new MemberNameSet("Guest", reserveObjectMembers: true);
        guestMembers.Claim("Instance");
        guestMembers.Claim("Dispose");
        var context = new ExportBindingContext(exports.Calls, exports.Mapper, scopes, diagnostics, spec);
        var interfaces = BindExportInterfaces(context, items, guestMembers);
        var functions = BindExportCalls(context, null, guestMembers, items.ExportedFunctions);
        return (interfaces, functions);
    }

    // The handle tables: one for every imported resource, also one whose interface has no host
    // interface (only resource methods), since the guest may hold and drop its handles all the
    // same; and one for every resource the guest exports. Each entry of the host class (the
    // static method serving one imported function, or the drop of an exported resource's
    // handle) is named here, once: the properties' calls, then the resource methods, then the
    // drops. Property and method names can run together (interface `a` with `b-c` and interface
    // `a-b` with `c` are both ImportABC), so a later entry takes a free variant.
    private static (EquatableArray<ImportPropertyBinding> Properties, EquatableArray<ResourceTableBinding> Tables, EquatableArray<RepTableBinding> RepTables) BindTables(
        WorldSide imports,
        TypeMapper exportMapper,
        WitOwner worldOwner,
        WorldItems items,
        List<ScopeBinding> scopes,
        List<ImportPropertyBinding> properties,
        List<DiagnosticInfo> diagnostics,
        HostSpec spec)
    {
        var entryNames = new MemberNameSet(spec.ClassName, reserveObjectMembers: true);
        var namedProperties = properties
            .Select(property => property with
            {
                Calls = property.Calls.Select(call => call with { EntryName = entryNames.Claim("Import" + property.Name + call.MethodName) }).ToEquatableArray(),
            })
            .ToEquatableArray();

        var tables = items.ImportedInterfaces
            .SelectMany(item => BindResourceTables(
                new ResourceTableContext(InstanceCalls(imports, item), imports.Mapper, entryNames, diagnostics, spec, InstanceSuffix(item)),
                ScopeOf(scopes, imports.Mapper.ScopeKey(item.Interface.Owner)),
                item.Name,
                item.Interface.Types.OfType<WitResourceType>(),
                item.Interface.Functions))
            .Concat(BindResourceTables(
                new ResourceTableContext(imports.Calls, imports.Mapper, entryNames, diagnostics, spec, ""),
                ScopeOf(scopes, imports.Mapper.ScopeKey(worldOwner)),
                null,
                items.ImportedResources,
                items.ImportedFunctions))
            .ToEquatableArray();
        var repTables = items.ExportedInterfaces
            .SelectMany(item => BindRepTables(exportMapper, entryNames, item.Name, item.Interface.Types.OfType<WitResourceType>()))
            .ToEquatableArray();
        return (namedProperties, tables, repTables);
    }

    // A named import of an interface (`import primary: store;`) is an instance of its own: the
    // handles of the interface's resources it gives out live in tables of their own, whose fields
    // end in the import's name (`…_IBucket_Primary`). Other imports keep the plain field names.
    private static string InstanceSuffix(WitWorldInterfaceItem item)
        => ImportPropertyNames.IsNamed(item) ? "_" + CSharpNames.ToPascalCase(item.Name) : "";

    private static CallBinder InstanceCalls(WorldSide imports, WitWorldInterfaceItem item)
    {
        if (!ImportPropertyNames.IsNamed(item))
        {
            return imports.Calls;
        }

        var mapper = imports.Mapper;
        var suffix = InstanceSuffix(item);
        var owner = ScopeKeys.For(item.Interface.Owner);
        return new CallBinder(new AbiTypeBinder(mapper, resource => ScopeKeys.For(resource.Owner) == owner ? CSharpNames.ResourceTableField(mapper.Map(resource)) + suffix : null));
    }

    private static ScopeBinding? ScopeOf(List<ScopeBinding> scopes, string key) => scopes.FirstOrDefault(scope => scope.Key == key);

    // The export side of each interface the world both imports and exports: its types' namespace
    // with `.Exports` after it (`Exports_` when the interface declares a type named `exports`).
    private static Dictionary<string, string> ExportSideNamespaces(TypeMapper importMapper, WorldItems items, HashSet<string> importedScopes)
    {
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items.ExportedInterfaces)
        {
            var owner = item.Interface.Owner;
            var key = ScopeKeys.For(owner);
            if (importedScopes.Contains(key))
            {
                var clashes = item.Interface.Types.Any(type => CSharpNames.ToPascalCase(type.Name) == CSharpNames.ExportSideNamespace);
                namespaces[key] = importMapper.TypesNamespace(owner) + "." + CSharpNames.ExportSideNamespace + (clashes ? "_" : "");
            }
        }

        return namespaces;
    }

    private static IEnumerable<ResourceTableBinding> BindResourceTables(
        ResourceTableContext context,
        ScopeBinding? scope,
        string? interfaceItemName,
        IEnumerable<WitResourceType> resources,
        IEnumerable<WitFunction> functions)
    {
        var functionList = functions.ToList();
        foreach (var resource in resources)
        {
            var type = context.Mapper.Map(resource);
            var field = CSharpNames.ResourceTableField(type) + context.InstanceSuffix;
            var drop = CoreNames.ImportedResourceDrop(interfaceItemName, resource);
            var methods = new List<CallBinding>();
            var names = new List<string>();
            var resourceName = CSharpNames.ToPascalCase(resource.Name);
            foreach (var function in functionList.Where(function => function.Kind == WitFunctionKind.Method && function.Resource == resource))
            {
                var method = scope is null ? null : ResourceMethod(scope, function);
                if (method is null)
                {
                    continue;
                }

                if (TryBind(context.Diagnostics, context.Spec, interfaceItemName, function, () => context.Calls.BindImport(method.Name, interfaceItemName, function)) is { } call)
                {
                    methods.Add(call with { SelfResource = resourceName });
                    names.Add(context.EntryNames.Claim("Import" + context.InstanceSuffix.TrimStart('_') + resourceName + method.Name));
                }
            }

            yield return new ResourceTableBinding(
                field, type, resource.Name, drop.Module, drop.Name, methods.ToEquatableArray(), names.ToEquatableArray());
        }
    }

    // The guest's intrinsics for the resources it exports exist whether or not the resource's
    // functions are generated: the guest may make, read and drop handles in any export.
    private static IEnumerable<RepTableBinding> BindRepTables(TypeMapper mapper, MemberNameSet entryNames, string interfaceItemName, IEnumerable<WitResourceType> resources)
    {
        foreach (var resource in resources.Where(resource => !mapper.IsImported(resource.Owner)))
        {
            var made = CoreNames.ExportedResourceNew(interfaceItemName, resource);
            var type = mapper.Map(resource);
            var field = CSharpNames.ResourceTableField(type);
            yield return new RepTableBinding(
                field,
                type,
                resource.Name,
                made.Module,
                made.Name,
                CoreNames.ExportedResourceRep(interfaceItemName, resource).Name,
                CoreNames.ExportedResourceDrop(interfaceItemName, resource).Name,
                CoreNames.ExportedResourceDestructor(interfaceItemName, resource),
                entryNames.Claim("Drop" + field));
        }
    }

    private static EquatableArray<CallBinding> BindImportCalls(
        CallBinder calls,
        HostInterfaceBinding host,
        string? interfaceItemName,
        IEnumerable<WitFunction> functions,
        List<DiagnosticInfo> diagnostics,
        HostSpec spec)
    {
        var bound = new List<CallBinding>();
        foreach (var function in functions)
        {
            // Only functions the host interface declares are called: freestanding functions,
            // constructors and static functions.
            // Resource methods are bound with the resource's table.
            var method = host.Methods.FirstOrDefault(candidate => candidate.WitName == function.ExternalName);
            if (method is null || function.Kind == WitFunctionKind.Method)
            {
                continue;
            }

            if (TryBind(diagnostics, spec, interfaceItemName, function, () => calls.BindImport(method.Name, interfaceItemName, function)) is { } call)
            {
                bound.Add(call);
            }
        }

        return bound.ToEquatableArray();
    }

    private static MethodBinding? ResourceMethod(ScopeBinding scope, WitFunction function)
    {
        var resource = scope.Types.OfType<ResourceBinding>().FirstOrDefault(candidate => candidate.WitName == function.Resource!.Name);
        return resource?.Methods.FirstOrDefault(candidate => candidate.WitName == function.ExternalName);
    }

    private static EquatableArray<ExportInterfaceBinding> BindExportInterfaces(ExportBindingContext context, WorldItems items, MemberNameSet instanceMembers)
    {
        var interfaces = new List<ExportInterfaceBinding>();
        foreach (var item in items.ExportedInterfaces)
        {
            var @interface = item.Interface;
            var property = instanceMembers.Claim(CSharpNames.ToPascalCase(@interface.Name));
            var className = instanceMembers.Claim(property + "Exports");
            var methods = new MemberNameSet(className, reserveObjectMembers: true);
            var bound = BindExportCalls(context, item.Name, methods, @interface.Functions);
            var resources = @interface.Types.OfType<WitResourceType>()
                .Where(resource => !context.Mapper.IsImported(resource.Owner))
                .Select(resource => BindGuestResourceCalls(context, item.Name, resource, @interface.Functions))
                .ToEquatableArray();
            interfaces.Add(new ExportInterfaceBinding(property, className, item.Name, bound, resources, @interface.Docs));
        }

        return interfaces.ToEquatableArray();
    }

    // The methods of an exported resource, under the names its handle class gave them.
    private static GuestResourceCallsBinding BindGuestResourceCalls(ExportBindingContext context, string interfaceItemName, WitResourceType resource, IEnumerable<WitFunction> functions)
    {
        var type = context.Mapper.Map(resource);
        var declaration = ScopeOf(context.Scopes, context.Mapper.ScopeKey(resource.Owner))?.Types.OfType<GuestResourceBinding>().FirstOrDefault(candidate => candidate.WitName == resource.Name);
        var bound = new List<CallBinding>();
        foreach (var function in functions.Where(function => function.Kind == WitFunctionKind.Method && function.Resource == resource))
        {
            var method = declaration?.Methods.FirstOrDefault(candidate => candidate.WitName == function.ExternalName);

            // A method the handle class left out cannot be bound either: binding it reports why.
            if (TryBindExport(context, method?.Name ?? "", interfaceItemName, function) is { } call && method is not null)
            {
                bound.Add(call);
            }
        }

        return new GuestResourceCallsBinding(type, CSharpNames.ResourceTableField(type), bound.ToEquatableArray());
    }

    private static EquatableArray<CallBinding> BindExportCalls(
        ExportBindingContext context,
        string? interfaceItemName,
        MemberNameSet names,
        IEnumerable<WitFunction> functions)
    {
        var bound = new List<CallBinding>();
        foreach (var function in functions)
        {
            // As for imported resources: no handle exists yet for a constructor or a static
            // function, so they are the interface's (`[constructor]counter` → CreateCounter,
            // `[static]counter.merge` → CounterMerge); methods are the handle class's.
            var preferred = function.Kind switch
            {
                WitFunctionKind.Freestanding => CSharpNames.MethodName(CSharpNames.ToPascalCase(function.Name), function.IsAsync),
                WitFunctionKind.Constructor when !context.Mapper.IsImported(function.Resource!.Owner) => "Create" + CSharpNames.ToPascalCase(function.Resource.Name),
                WitFunctionKind.Static when !context.Mapper.IsImported(function.Resource!.Owner) => CSharpNames.MethodName(CSharpNames.ToPascalCase(function.Resource.Name) + CSharpNames.ToPascalCase(function.Name), function.IsAsync),
                _ => null,
            };
            if (preferred is not null && TryBindExport(context, preferred, interfaceItemName, function) is { } call)
            {
                bound.Add(call with { MethodName = names.Claim(call.MethodName) });
            }
        }

        return bound.ToEquatableArray();
    }

    private static CallBinding? TryBindExport(ExportBindingContext context, string methodName, string? interfaceItemName, WitFunction function)
        => TryBind(context.Diagnostics, context.Spec, interfaceItemName, function, () => context.Calls.BindExport(methodName, interfaceItemName, function));

    // Binds one call; a function whose types cannot be moved is reported and left out.
    private static CallBinding? TryBind(List<DiagnosticInfo> diagnostics, HostSpec spec, string? interfaceItemName, WitFunction function, Func<CallBinding> bind)
    {
        try
        {
            return bind();
        }
        catch (UnsupportedConstructException exception)
        {
            ReportCall(diagnostics, DiagnosticDescriptors.UnsupportedConstruct, spec, interfaceItemName, function, exception.Construct);
        }
        catch (CallNotGeneratedException exception)
        {
            ReportCall(diagnostics, DiagnosticDescriptors.CallNotGenerated, spec, interfaceItemName, function, exception.Construct);
        }

        return null;
    }

    private static void ReportCall(
        List<DiagnosticInfo> diagnostics,
        Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor,
        HostSpec spec,
        string? interfaceItemName,
        WitFunction function,
        string construct)
        => diagnostics.Add(DiagnosticInfoFactory.Create(
            descriptor,
            DiagnosticInfoFactory.LocationOf(function, spec.AttributeLocation),
            $"The function '{(interfaceItemName is null ? "" : interfaceItemName + "#")}{function.ExternalName}'",
            construct));

    private static ScopeBinding? BindInterface(ScopeBinder binder, TypeMapper mapper, WitInterface @interface, bool isImported)
        => binder.Bind(
            mapper.ScopeKey(@interface.Owner),
            @interface.Owner,
            @interface.Types,
            @interface.Functions,
            "I" + CSharpNames.ToPascalCase(@interface.Name),
            @interface.Docs,
            isImported);
}
