using System.Text;
using WitHost.Generator.Model;
using WitHost.Generator.Binding;
using WitHost.Wit;
using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// The WIT a host with C#-first interfaces reads: each interface's derived text, as if it were a
/// .wit file, and a world that imports and exports them. From there the host goes through the
/// same resolver and binder as a .wit host, so the two forms cannot generate different stubs.
/// </summary>
/// <remarks>
/// Without a .wit path the world is <c>world &lt;host-class&gt; { import …; export …; }</c> in the
/// package of the first interface named; interfaces of other packages are its dependencies. With
/// a .wit path, the world is a new world of the root package that <c>include</c>s the .wit world
/// and adds the C#-first interfaces.
/// </remarks>
internal static class CSharpFirstSources
{
    public static HostSources Select(HostSpec spec, EquatableArray<WitSourceFile> files, string projectDirectory, EquatableArray<CSharpFirstInterface> interfaces)
    {
        var witSources = spec.WitPath.Length > 0 ? WitSourceSelector.Select(spec, files, projectDirectory) : null;
        if (!spec.HasCSharpFirstInterfaces)
        {
            return witSources!;
        }

        var imports = spec.CSharpImports.Select(name => interfaces.FirstOrDefault(candidate => candidate.FullName == name)).ToList();
        var exports = spec.CSharpExports.Select(name => interfaces.FirstOrDefault(candidate => candidate.FullName == name)).ToList();
        if (imports.Any(item => item is null) || exports.Any(item => item is null) || witSources is { Packages.IsEmpty: true })
        {
            // An interface with errors (reported with it), or a .wit path that was not found
            // (reported by the binder): there is no world to derive.
            return witSources ?? new HostSources(spec, "", EquatableArray<WitSourcePackage>.Empty);
        }

        var used = imports.Concat(exports).Select(item => item!).Distinct().ToList();
        var hostWorld = WitNames.FromCSharp(spec.ClassName) ?? "host";
        string rootPackage;
        string? include = null;
        var packages = new List<WitSourcePackage>();
        if (witSources is null)
        {
            rootPackage = used[0].PackageName;
        }
        else
        {
            // The .wit world's package and name, which the derived world includes.
            var resolution = WitPackageResolver.Resolve(witSources.Packages);
            var world = resolution.HasErrors || resolution.Root is null
                ? null
                : spec.World is null ? (resolution.Root.Worlds.Count == 1 ? resolution.Root.Worlds[0] : null) : resolution.Root.FindWorld(spec.World);
            if (world is null)
            {
                // Let the binder report the .wit problem as it would for a plain .wit host.
                return witSources;
            }

            rootPackage = resolution.Root!.Name.ToString();
            include = world.Name;
            hostWorld = world.Name + "-" + hostWorld;
        }

        var root = new StringBuilder();
        root.Append("package ").Append(rootPackage).Append(";\n");
        foreach (var item in used.Where(item => item.PackageName == rootPackage))
        {
            root.Append('\n').Append(item.InterfaceText);
        }

        var worldStart = root.Length;
        root.Append("\nworld ").Append(hostWorld).Append(" {\n");
        if (include is not null)
        {
            root.Append("  include ").Append(WitNames.Escape(include)).Append(";\n");
        }

        foreach (var item in imports)
        {
            root.Append("  import ").Append(Reference(item!, rootPackage)).Append(";\n");
        }

        foreach (var item in exports)
        {
            root.Append("  export ").Append(Reference(item!, rootPackage)).Append(";\n");
        }

        root.Append("}\n");
        var rootText = root.ToString();
        var rootFile = new WitSourceFile(PathText.Normalize(spec.SourceFilePath) + "." + hostWorld + ".wit", rootText);
        if (witSources is null)
        {
            packages.Add(new WitSourcePackage(EquatableArray.Create(rootFile)));
        }
        else
        {
            packages.Add(new WitSourcePackage(witSources.Packages[0].Files.Append(rootFile).ToEquatableArray()));
            packages.AddRange(witSources.Packages.Skip(1));
        }

        foreach (var group in used.Where(item => item.PackageName != rootPackage).GroupBy(item => item.PackageName))
        {
            var text = "package " + group.Key + ";\n" + string.Concat(group.Select(item => "\n" + item.InterfaceText));
            packages.Add(new WitSourcePackage(EquatableArray.Create(new WitSourceFile(rootFile.Path + "." + group.Key.Replace(':', '.') + ".wit", text))));
        }

        return new HostSources(spec with { World = hostWorld }, witSources?.ResolvedRootPath ?? rootFile.Path, packages.ToEquatableArray())
        {
            CSharpFirstInterfaces = used.ToEquatableArray(),
            DerivedWitText = rootText,
            DerivedWorldText = "package " + rootPackage + ";\n" + rootText.Substring(worldStart),
            DerivedWorldName = QualifiedWorldName(rootPackage, hostWorld),
        };
    }

    /// <summary><c>example:app@1.0.0</c> and <c>app-host</c> → <c>example:app/app-host@1.0.0</c>.</summary>
    private static string QualifiedWorldName(string package, string world)
    {
        var at = package.IndexOf('@');
        return at < 0 ? package + "/" + world : package.Substring(0, at) + "/" + world + package.Substring(at);
    }

    private static string Reference(CSharpFirstInterface item, string rootPackage)
        => item.PackageName == rootPackage ? WitNames.Escape(item.InterfaceName) : item.QualifiedName;
}
