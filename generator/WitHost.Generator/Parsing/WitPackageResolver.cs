using WitHost.Generator.Model;
using WitHost.Wit;
using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Resolution;

namespace WitHost.Generator.Parsing;

/// <summary>
/// Resolves in-memory WIT packages with the WIT front end. <c>WitResolver.ResolveFiles</c> treats
/// every file as a package of its own, but a directory's files (and each <c>deps/</c> directory's)
/// form one package, so the files are grouped here and handed to the resolver as groups, exactly
/// as <c>WitResolver.ResolvePath</c> does for the disk.
/// </summary>
internal static class WitPackageResolver
{
    public static WitResolution Resolve(EquatableArray<WitSourcePackage> packages)
    {
        var diagnostics = new DiagnosticBag();
        var groups = packages
            .Select(package => new SourceLoader.FileGroup(package.Files
                .Select(file => SourceLoader.ParseText(file.Text, file.Path, diagnostics))
                .ToList()))
            .ToList();
        return new Resolver(WitResolverOptions.Default, diagnostics).Resolve(groups);
    }
}
