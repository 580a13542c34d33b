using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

// Finding the interface or world a use-path names, and evaluating feature gates.
internal sealed partial class Resolver
{
    /// <summary>The interface <paramref name="path"/> names, or null (reported).</summary>
    private InterfaceEntry? LookupInterface(FileScope file, UsePathSyntax path, bool viaFileUses = true)
    {
        var item = LookupItem(file, path, wantWorld: false, viaFileUses);
        if (item is WorldEntry)
        {
            _diagnostics.Error(DiagnosticCodes.WrongItemKind, path.Name.Span, $"name `{path.Name.Name}` is defined as a world, not an interface");
            return null;
        }

        return (InterfaceEntry?)item;
    }

    /// <summary>The world <paramref name="path"/> names, or null (reported).</summary>
    private WorldEntry? LookupWorld(FileScope file, UsePathSyntax path)
    {
        var item = LookupItem(file, path, wantWorld: true, viaFileUses: true);
        if (item is InterfaceEntry)
        {
            _diagnostics.Error(DiagnosticCodes.WrongItemKind, path.Name.Span, $"name `{path.Name.Name}` is defined as an interface, not a world");
            return null;
        }

        return (WorldEntry?)item;
    }

    /// <summary>
    /// Finds an item. A bare name is looked up in the file's top-level <c>use</c> names (unless
    /// <paramref name="viaFileUses"/> is false, as when resolving such a <c>use</c> itself), then in the package.
    /// </summary>
    private PackageItemEntry? LookupItem(FileScope file, UsePathSyntax path, bool wantWorld, bool viaFileUses)
    {
        if (path.IsLocal)
        {
            if (viaFileUses && file.Uses.TryGetValue(path.Name.Name, out var use))
            {
                return LookupItem(file, use.Path, wantWorld, viaFileUses: false);
            }

            if (file.Package.Items.TryGetValue(path.Name.Name, out var local))
            {
                return local;
            }

            _diagnostics.Error(DiagnosticCodes.UnknownInterfaceOrWorld, path.Name.Span, $"interface or world `{path.Name.Name}` does not exist");
            return null;
        }

        var packageName = path.Package!.ToModel();
        if (!_packages.TryGetValue(packageName, out var package))
        {
            var known = _packages.Keys.Where(name => name.Namespace == packageName.Namespace && name.Name == packageName.Name).Select(name => name.ToString()).ToList();
            var hint = known.Count > 0 ? $" (known versions: {string.Join(", ", known)})" : "";
            _diagnostics.Error(DiagnosticCodes.PackageNotFound, path.Package.Span, $"package `{packageName}` not found{hint}");
            return null;
        }

        if (package.Items.TryGetValue(path.Name.Name, out var item))
        {
            return item;
        }

        var (code, kind) = wantWorld ? (DiagnosticCodes.WorldNotFound, "world") : (DiagnosticCodes.InterfaceNotFound, "interface");
        _diagnostics.Error(code, path.Name.Span, $"{kind} `{path.Name.Name}` not found in package `{packageName}`");
        return null;
    }

    private void ReportExcluded(Syntax.TextSpan span, string what)
        => _diagnostics.Error(DiagnosticCodes.ReferenceToDisabledItem, span,
            $"found a reference to {what} which is excluded because its @unstable feature is not enabled");

    /// <summary>Evaluates and checks the gates of an item.</summary>
    private Gate EvaluateGate(ItemSyntax item, PackageEntry package) => EvaluateGate(item.Attributes, package);

    private Gate EvaluateGate(IReadOnlyList<AttributeSyntax> attributes, PackageEntry package)
    {
        if (attributes.Count == 0)
        {
            return Gate.None;
        }

        AttributeSyntax? since = null, unstable = null, deprecated = null, externalId = null;
        foreach (var attribute in attributes)
        {
            ref var slot = ref since;
            switch (attribute.Kind)
            {
                case AttributeKind.Since: slot = ref since; break;
                case AttributeKind.Unstable: slot = ref unstable; break;
                case AttributeKind.Deprecated: slot = ref deprecated; break;
                default: slot = ref externalId; break;
            }

            if (slot is not null)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidGateCombination, attribute.Span, $"cannot specify @{AttributeName(attribute.Kind)} twice");
            }

            slot ??= attribute;
        }

        if (since is not null && unstable is not null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidGateCombination, unstable.Span, "cannot specify both @since and @unstable");
        }

        if (deprecated is not null && since is null && unstable is null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidGateCombination, deprecated.Span, "@deprecated needs a @since or @unstable gate as well");
        }

        if (since is not null)
        {
            var version = package.Name.Version;
            if (version is null)
            {
                _diagnostics.Error(DiagnosticCodes.GateInUnversionedPackage, since.Span,
                    $"package `{package.Name}` contains a feature gate with a version, so the package must have a version");
            }
            else if (since.Version!.CompareTo(version) > 0)
            {
                _diagnostics.Error(DiagnosticCodes.GateVersionUnreleased, since.Span,
                    $"feature gate cannot reference unreleased version {since.Version} of package `{package.Name}` (current version {version})");
            }
        }

        if (unstable is not null && since is null)
        {
            _gatedFeatures.Add(unstable.Value!);
            var enabled = _options.IsEnabled(unstable.Value!);
            return new Gate(new WitStability(WitStabilityKind.Unstable, null, unstable.Value, deprecated?.Version), !enabled, externalId?.Value);
        }

        if (since is not null)
        {
            return new Gate(new WitStability(WitStabilityKind.Stable, since.Version, null, deprecated?.Version), false, externalId?.Value);
        }

        return externalId is null ? Gate.None : new Gate(WitStability.Unknown, false, externalId.Value);
    }

    private static string AttributeName(AttributeKind kind) => kind switch
    {
        AttributeKind.Since => "since",
        AttributeKind.Unstable => "unstable",
        AttributeKind.Deprecated => "deprecated",
        _ => "external-id",
    };
}
