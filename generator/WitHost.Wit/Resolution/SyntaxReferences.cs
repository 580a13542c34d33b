using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>Finds every interface/world reference (use-path) written inside an item.</summary>
internal static class SyntaxReferences
{
    /// <summary>The references that must name a world (the paths of <c>include</c>s).</summary>
    public static IEnumerable<UsePathSyntax> Includes(TopLevelItemSyntax item)
        => item is WorldSyntax world ? world.Members.OfType<IncludeSyntax>().Select(include => include.Path) : Array.Empty<UsePathSyntax>();

    public static IEnumerable<UsePathSyntax> In(TopLevelItemSyntax item) => item switch
    {
        TopLevelUseSyntax use => new[] { use.Path },
        InterfaceSyntax syntax => InInterface(syntax),
        WorldSyntax syntax => InWorld(syntax),
        _ => Array.Empty<UsePathSyntax>(),
    };

    private static IEnumerable<UsePathSyntax> InInterface(InterfaceSyntax syntax)
        => syntax.Members.OfType<UseSyntax>().Select(use => use.Path);

    private static IEnumerable<UsePathSyntax> InWorld(WorldSyntax syntax)
    {
        foreach (var member in syntax.Members)
        {
            switch (member)
            {
                case ImportExportSyntax { Path: { } path }:
                    yield return path;
                    break;
                case ImportExportSyntax { Interface: { } inline }:
                    foreach (var path in InInterface(inline))
                    {
                        yield return path;
                    }

                    break;
                case IncludeSyntax include:
                    yield return include.Path;
                    break;
                case WorldUseSyntax use:
                    yield return use.Use.Path;
                    break;
            }
        }
    }
}
