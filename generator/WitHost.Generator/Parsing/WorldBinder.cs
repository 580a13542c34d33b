using WitHost.Generator.Model;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Generator.Parsing;

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
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.WitPathNotFound, spec.AttributeLocation, spec.WitPath, sources.ResolvedRootPath));
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

        var binding = BindWorld(spec, world, diagnostics);
        return new WorldBindingResult(binding, diagnostics.ToEquatableArray());
    }

    private static WitWorld? FindWorld(HostSpec spec, WitPackage root, WitResolution resolution, List<DiagnosticInfo> diagnostics)
    {
        if (spec.World is null)
        {
            if (root.Worlds.Count == 1)
            {
                return root.Worlds[0];
            }

            var names = root.Worlds.Count == 0 ? "none" : string.Join(", ", root.Worlds.Select(world => world.Name));
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.WorldNotSpecified, spec.AttributeLocation, root.Name.ToString(), root.Worlds.Count.ToString(), names));
            return null;
        }

        // A plain name is looked up in the root package; `ns:pkg/world[@version]` in every package.
        var found = spec.World.IndexOf('/') < 0
            ? root.FindWorld(spec.World)
            : resolution.Packages.SelectMany(package => package.Worlds).FirstOrDefault(world => world.QualifiedName == spec.World);
        if (found is null)
        {
            var known = root.Worlds.Count == 0 ? "none" : string.Join(", ", root.Worlds.Select(world => world.Name));
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.WorldNotFound, spec.AttributeLocation, spec.World, root.Name.ToString(), known));
        }

        return found;
    }

    private static WorldBinding BindWorld(HostSpec spec, WitWorld world, List<DiagnosticInfo> diagnostics)
    {
        var worldOwner = new WitOwner(WitOwnerKind.World, world.Package, null, world.Name);
        var importedScopes = new HashSet<string>(StringComparer.Ordinal) { ScopeKeys.For(worldOwner) };
        foreach (var item in world.Imports.OfType<WitWorldInterfaceItem>())
        {
            importedScopes.Add(ScopeKeys.For(item.Interface.Owner));
        }

        var binder = new ScopeBinder(new TypeMapper(importedScopes), diagnostics, spec.AttributeLocation);
        var scopes = new List<ScopeBinding>();
        var properties = new List<ImportPropertyBinding>();
        var propertyNames = new ImportPropertyNames(world.Imports.OfType<WitWorldInterfaceItem>().Select(item => item.Interface));

        foreach (var item in world.Imports.OfType<WitWorldInterfaceItem>())
        {
            var @interface = item.Interface;
            var scope = BindInterface(binder, @interface, isImported: true);
            if (scope is null)
            {
                continue;
            }

            scopes.Add(scope);
            if (scope.HostInterface is { } host)
            {
                properties.Add(new ImportPropertyBinding(propertyNames.For(@interface), host.FullName, item.Name));
            }
        }

        // World-level imports (types and functions declared in the world) form one scope of their own.
        var worldName = CSharpNames.ToPascalCase(world.Name);
        var worldScope = binder.Bind(
            ScopeKeys.For(worldOwner),
            worldOwner,
            world.Imports.OfType<WitWorldTypeItem>().Select(item => item.Type),
            world.Imports.OfType<WitWorldFunctionItem>().Select(item => item.Function),
            "I" + worldName + "Imports",
            world.Docs,
            isImported: true);

        if (worldScope is not null)
        {
            scopes.Add(worldScope);
            if (worldScope.HostInterface is { } host)
            {
                properties.Add(new ImportPropertyBinding(propertyNames.Claim(worldName), host.FullName, "$root"));
            }
        }

        foreach (var item in world.Exports.OfType<WitWorldInterfaceItem>())
        {
            var key = ScopeKeys.For(item.Interface.Owner);
            if (importedScopes.Contains(key) || scopes.Any(scope => scope.Key == key))
            {
                continue;
            }

            if (BindInterface(binder, item.Interface, isImported: false) is { } scope)
            {
                scopes.Add(scope);
            }
        }

        return new WorldBinding(spec, world.QualifiedName, world.Docs, properties.ToEquatableArray(), scopes.ToEquatableArray());
    }

    private static ScopeBinding? BindInterface(ScopeBinder binder, WitInterface @interface, bool isImported)
        => binder.Bind(
            ScopeKeys.For(@interface.Owner),
            @interface.Owner,
            @interface.Types,
            @interface.Functions,
            "I" + CSharpNames.ToPascalCase(@interface.Name),
            @interface.Docs,
            isImported);
}
