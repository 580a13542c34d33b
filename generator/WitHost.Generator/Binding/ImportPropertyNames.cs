using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// Names the properties of a host's <c>Imports</c> class. An interface's own name (<c>Streams</c>)
/// is used when no other import has it; imports with the same name from different packages
/// (<c>wasi:filesystem/types</c>, <c>wasi:http/types</c>) get the package name in front
/// (<c>FilesystemTypes</c>, <c>HttpTypes</c>), then the namespace too. A named import of an
/// interface (<c>import primary: store;</c>) is named after its import name (<c>Primary</c>); two
/// versions of one interface get the version after the package name (<c>DepAV0_1_0</c>, <c>DepAV0_2_0</c>).
/// </summary>
internal sealed class ImportPropertyNames
{
    private readonly Dictionary<string, int> _shortNameCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unversionedCounts = new(StringComparer.Ordinal);
    private readonly MemberNameSet _names = new("Imports", reserveObjectMembers: true);

    public ImportPropertyNames(IEnumerable<WitWorldInterfaceItem> imports)
    {
        foreach (var item in imports.Where(item => !IsNamed(item)))
        {
            var shortName = CSharpNames.ToPascalCase(item.Interface.Name);
            _shortNameCounts[shortName] = _shortNameCounts.TryGetValue(shortName, out var count) ? count + 1 : 1;
            var unversioned = Unversioned(item.Interface);
            _unversionedCounts[unversioned] = _unversionedCounts.TryGetValue(unversioned, out var versions) ? versions + 1 : 1;
        }
    }

    /// <summary>The property name for an imported interface.</summary>
    public string For(WitWorldInterfaceItem item)
    {
        if (IsNamed(item))
        {
            return _names.Claim(CSharpNames.ToPascalCase(item.Name));
        }

        var @interface = item.Interface;
        var shortName = CSharpNames.ToPascalCase(@interface.Name);
        if (_shortNameCounts[shortName] == 1 || @interface.Owner.IsInlineInterface)
        {
            return _names.Claim(shortName);
        }

        var package = @interface.Package;
        var withPackage = CSharpNames.ToPascalCase(package.Name) + shortName;
        if (_unversionedCounts[Unversioned(@interface)] > 1)
        {
            // The namespace has the version already (CSharpNames.PackageNamespace): My.Dep.V0_1_0.
            var version = CSharpNames.PackageNamespace(package, withVersion: true).Substring(CSharpNames.PackageNamespace(package).Length + 1);
            return _names.Claim(withPackage + version);
        }

        return _names.Claim(_names.IsFree(withPackage) ? withPackage : CSharpNames.ToPascalCase(package.Namespace) + withPackage);
    }

    /// <summary>Claims <paramref name="preferred"/> (or a free variant) for a property that is not an interface.</summary>
    public string Claim(string preferred) => _names.Claim(preferred);

    private static string Unversioned(WitInterface @interface)
        => @interface.Package.Namespace + ":" + @interface.Package.Name + "/" + @interface.Name;

    /// <summary>True for <c>import primary: store;</c>: a plain import name for an interface declared elsewhere, an instance of its own.</summary>
    public static bool IsNamed(WitWorldInterfaceItem item)
        => !item.Interface.Owner.IsInlineInterface && item.Name.IndexOf(':') < 0;
}
