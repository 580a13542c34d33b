using WitHost.Wit.Syntax;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>One file of a package: the names its top-level <c>use</c> statements bring in, which only that file sees.</summary>
internal sealed class FileScope
{
    public FileScope(PackageEntry package, SourceText source)
    {
        Package = package;
        Source = source;
    }

    public PackageEntry Package { get; }

    public SourceText Source { get; }

    public Dictionary<string, TopLevelUseSyntax> Uses { get; } = new(StringComparer.Ordinal);
}
