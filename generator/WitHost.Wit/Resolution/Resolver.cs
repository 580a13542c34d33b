using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>
/// Turns parsed packages into the resolved model. Everything is resolved lazily and memoised
/// (interfaces, worlds, named types), so definition order does not matter, and a second visit to an
/// entity that is still in progress is exactly a cycle. Errors are reported and resolution goes on.
/// </summary>
internal sealed partial class Resolver
{
    private readonly WitResolverOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<WitPackageName, PackageEntry> _packages = new();
    private readonly List<PackageEntry> _packageOrder = new();

    /// <summary>Measures every type the resolver builds against the nesting and size limits.</summary>
    private readonly TypeBounds _bounds = new();

    /// <summary>How many named types are being resolved inside one another right now (each one resolves the types it names first).</summary>
    private int _memberDepth;

    /// <summary>Every feature an <c>@unstable</c> gate names, enabled or not, so callers can tell a misspelt feature.</summary>
    private readonly SortedSet<string> _gatedFeatures = new(StringComparer.Ordinal);

    /// <summary>Package interfaces by qualified name, for world elaboration.</summary>
    private readonly Dictionary<string, InterfaceEntry> _interfacesByQualifiedName = new(StringComparer.Ordinal);

    public Resolver(WitResolverOptions options, DiagnosticBag diagnostics)
    {
        _options = options;
        _diagnostics = diagnostics;
    }

    /// <summary>Resolves the packages of <paramref name="groups"/>; the first group holds the root package.</summary>
    public WitResolution Resolve(IReadOnlyList<SourceLoader.FileGroup> groups)
    {
        var sources = new List<PackageSource>();
        PackageSource? rootSource = null;
        for (var i = 0; i < groups.Count; i++)
        {
            var main = PackageAssembler.Assemble(groups[i].Files, sources, _diagnostics);
            if (i == 0)
            {
                rootSource = main;
            }
        }

        PackageEntry? root = null;
        foreach (var source in sources)
        {
            var entry = Register(source);
            if (ReferenceEquals(source, rootSource))
            {
                root = entry;
            }
        }

        OrderPackages();
        var packages = new List<WitPackage>();
        WitPackage? rootPackage = null;
        foreach (var package in _packageOrder)
        {
            var resolved = ResolvePackage(package);
            packages.Add(resolved);
            if (ReferenceEquals(package, root))
            {
                rootPackage = resolved;
            }
        }

        var diagnostics = _diagnostics.Items
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start)
            .ToEquatableArray();
        return new WitResolution(rootPackage, packages.ToEquatableArray(), diagnostics) { GatedFeatures = _gatedFeatures.ToEquatableArray() };
    }

    /// <summary>Adds a package and declares its interfaces, worlds and file-level <c>use</c> names.</summary>
    private PackageEntry? Register(PackageSource source)
    {
        if (_packages.TryGetValue(source.Name, out var existing))
        {
            _diagnostics.Error(DiagnosticCodes.DuplicatePackage, source.Declaration.Name.Span,
                $"package `{source.Name}` is defined in two different locations (also {existing.Source.Declaration.Name.Span.ToSourceSpan()})");
            return null;
        }

        var package = new PackageEntry(source);
        _packages.Add(source.Name, package);
        foreach (var part in source.Files)
        {
            var file = new FileScope(package, part.Source);
            package.Files.Add(file);
            foreach (var item in part.Items)
            {
                switch (item)
                {
                    case InterfaceSyntax syntax:
                    {
                        var owner = new WitOwner(WitOwnerKind.Interface, package.Name, syntax.Name.Name, null);
                        var entry = new InterfaceEntry(syntax, file, owner, EvaluateGate(syntax, package));
                        if (DeclareItem(package, syntax.Name, entry))
                        {
                            package.Interfaces.Add(entry);
                            _interfacesByQualifiedName[owner.QualifiedName] = entry;
                        }

                        break;
                    }

                    case WorldSyntax syntax:
                    {
                        var owner = new WitOwner(WitOwnerKind.World, package.Name, null, syntax.Name.Name);
                        var entry = new WorldEntry(syntax, file, owner, EvaluateGate(syntax, package));
                        if (DeclareItem(package, syntax.Name, entry))
                        {
                            package.Worlds.Add(entry);
                        }

                        break;
                    }
                }
            }
        }

        foreach (var (file, part) in package.Files.Zip(source.Files, (file, part) => (file, part)))
        {
            var declaredHere = new HashSet<string>(part.Items.Select(ItemName).Where(name => name is not null)!, StringComparer.Ordinal);
            foreach (var use in part.Items.OfType<TopLevelUseSyntax>())
            {
                var name = use.LocalName;
                if (declaredHere.Contains(name.Name) || file.Uses.ContainsKey(name.Name))
                {
                    _diagnostics.Error(DiagnosticCodes.DuplicateFileName, name.Span, $"duplicate name `{name.Name}` in this file");
                    continue;
                }

                file.Uses.Add(name.Name, use);
            }
        }

        return package;
    }

    private static string? ItemName(TopLevelItemSyntax item) => item switch
    {
        InterfaceSyntax syntax => syntax.Name.Name,
        WorldSyntax syntax => syntax.Name.Name,
        _ => null,
    };

    private bool DeclareItem(PackageEntry package, IdentifierSyntax name, PackageItemEntry entry)
    {
        if (package.Items.ContainsKey(name.Name))
        {
            _diagnostics.Error(DiagnosticCodes.DuplicateItem, name.Span, $"duplicate item named `{name.Name}`");
            return false;
        }

        package.Items.Add(name.Name, entry);
        return true;
    }

    private WitPackage ResolvePackage(PackageEntry package)
    {
        CheckItemCycles(package);
        foreach (var use in package.Files.SelectMany(file => file.Uses.Values.Select(use => (file, use))))
        {
            // A top-level `use` names an interface; check it even when nothing refers to it.
            LookupInterface(use.file, use.use.Path, viaFileUses: false);
        }

        var interfaces = new List<WitInterface>();
        foreach (var entry in OrderItems(package).OfType<InterfaceEntry>())
        {
            if (ResolveInterface(entry) is { } resolved)
            {
                interfaces.Add(resolved);
            }
        }

        // Worlds are resolved dependencies first, so that resolving one never has to resolve the
        // worlds it includes inside it (a long include chain would be a deep recursion), and listed
        // as declared.
        foreach (var entry in OrderItems(package).OfType<WorldEntry>())
        {
            ResolveWorld(entry);
        }

        var worlds = new List<WitWorld>();
        foreach (var entry in package.Worlds)
        {
            if (ResolveWorld(entry) is { } resolved)
            {
                worlds.Add(resolved);
            }
        }

        return new WitPackage(package.Name, interfaces.ToEquatableArray(), worlds.ToEquatableArray(), package.Source.Docs);
    }
}
