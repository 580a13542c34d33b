using WitHost.Generator.Model;
using WitHost.Wit;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>Resolves a host's in-memory WIT packages (root first, then one per <c>deps/</c> entry) with the WIT front end.</summary>
internal static class WitPackageResolver
{
    public static WitResolution Resolve(EquatableArray<WitSourcePackage> packages)
        => WitResolver.ResolveSources(packages[0].Files, packages.Skip(1).Select(package => (IEnumerable<WitSourceFile>)package.Files));
}
