using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>Every WASI package of the shared corpus resolves cleanly with the deps/ layout users have.</summary>
public sealed class WasiCorpusTests
{
    public static TheoryData<string, string> Packages()
    {
        var data = new TheoryData<string, string>();
        foreach (var release in new[] { "wasi-0.2", "wasi-0.3" })
        {
            foreach (var package in SharedWit.PackageNames(release))
            {
                data.Add(release, package);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_resolves_without_diagnostics(string release, string package)
    {
        using var dir = new TempDirectory();
        SharedWit.LayOut(release, package, dir.Path);

        var resolution = WitResolver.ResolvePath(dir.Path);

        Assert.True(resolution.Diagnostics.IsEmpty, string.Join("\n", resolution.Diagnostics));
        Assert.NotNull(resolution.Root);
        Assert.Equal("wasi", resolution.Root!.Name.Namespace);
        Assert.Equal(package, resolution.Root.Name.Name);
        Assert.NotEmpty(resolution.Root.Interfaces);
        Assert.NotEmpty(resolution.Root.Worlds);
    }

    [Fact]
    public void Http_proxy_imports_its_dependencies_first_with_component_model_names()
    {
        using var dir = new TempDirectory();
        SharedWit.LayOut("wasi-0.2", "http", dir.Path);

        var proxy = WitResolver.ResolvePath(dir.Path).Root!.FindWorld("proxy")!;
        var imports = proxy.Imports.Select(item => item.Name).ToList();

        Assert.Equal("wasi:http/incoming-handler@0.2.12", Assert.Single(proxy.Exports).Name);
        Assert.Contains("wasi:io/streams@0.2.12", imports);
        Assert.True(imports.IndexOf("wasi:io/error@0.2.12") < imports.IndexOf("wasi:io/streams@0.2.12"));
        Assert.True(imports.IndexOf("wasi:io/streams@0.2.12") < imports.IndexOf("wasi:http/types@0.2.12"));
        Assert.True(imports.IndexOf("wasi:http/types@0.2.12") < imports.IndexOf("wasi:http/outgoing-handler@0.2.12"));
        Assert.Equal(imports.Count, imports.Distinct().Count());
    }

    [Fact]
    public void Unstable_interfaces_are_dropped_unless_their_feature_is_enabled()
    {
        using var dir = new TempDirectory();
        SharedWit.LayOut("wasi-0.2", "clocks", dir.Path);

        var without = WitResolver.ResolvePath(dir.Path).Root!;
        var with = WitResolver.ResolvePath(dir.Path, new WitResolverOptions { EnabledFeatures = System.Collections.Immutable.ImmutableHashSet.Create("clocks-timezone") }).Root!;

        Assert.Null(without.FindInterface("timezone"));
        var timezone = with.FindInterface("timezone")!;
        Assert.Equal(Model.WitStabilityKind.Unstable, timezone.Stability.Kind);
        Assert.Equal("clocks-timezone", timezone.Stability.Feature);
        Assert.Contains(with.FindWorld("imports")!.Imports, item => item.Name == "wasi:clocks/timezone@0.2.12");
        Assert.DoesNotContain(without.FindWorld("imports")!.Imports, item => item.Name == "wasi:clocks/timezone@0.2.12");
    }
}
