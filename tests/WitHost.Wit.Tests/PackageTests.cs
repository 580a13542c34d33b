using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>Package names, versions, nested packages and cross-package references.</summary>
public sealed class PackageTests
{
    [Theory]
    [InlineData("1.0.0", 1ul, 0ul, 0ul, null, null)]
    [InlineData("0.2.0-rc-2023-11-10", 0ul, 2ul, 0ul, "rc-2023-11-10", null)]
    [InlineData("1.2.3-alpha.1+build.5", 1ul, 2ul, 3ul, "alpha.1", "build.5")]
    [InlineData("10.20.30+meta", 10ul, 20ul, 30ul, null, "meta")]
    public void Package_versions_are_semver(string version, ulong major, ulong minor, ulong patch, string? pre, string? build)
    {
        var package = WitText.Valid($"/// The package.\npackage my-ns:my-pkg@{version};\ninterface i {{}}");
        Assert.Equal(new WitPackageName("my-ns", "my-pkg", new WitVersion(major, minor, patch, pre, build)), package.Name);
        Assert.Equal($"my-ns:my-pkg@{version}", package.Name.ToString());
        Assert.Equal($"my-ns:my-pkg/i@{version}", package.Interfaces[0].QualifiedName);
        Assert.Equal("The package.", package.Docs);
    }

    [Fact]
    public void Versions_order_by_semver_precedence()
    {
        var ordered = new[] { "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0" }
            .Select(Version).ToList();
        Assert.Equal(ordered, ordered.OrderBy(v => v).ToList());
        Assert.Equal(0, Version("1.0.0+a").CompareTo(Version("1.0.0+b")));

        static WitVersion Version(string text)
            => WitText.Valid($"package a:b@{text};\ninterface i {{}}").Name.Version!;
    }

    [Fact]
    public void References_pick_the_exact_version()
    {
        var package = WitText.Valid("""
            package app:main;
            interface i {
              use dep:x/types@1.0.0.{a};
              use dep:x/types@2.0.0-pre.{b};
            }
            package dep:x@1.0.0 { interface types { type a = u8; } }
            package dep:x@2.0.0-pre { interface types { type b = u16; } }
            """);
        var types = package.FindInterface("i")!.Types.Cast<WitAliasType>().ToList();
        Assert.Equal("dep:x/types@1.0.0", ((WitNamedType)types[0].Target).Owner.QualifiedName);
        Assert.Equal("dep:x/types@2.0.0-pre", ((WitNamedType)types[1].Target).Owner.QualifiedName);
    }

    [Fact]
    public void A_missing_version_is_reported_with_the_known_ones()
    {
        var diagnostic = WitText.Error("package app:main;\ninterface i {\n  use $$dep:x/types@3.0.0.{a};\n}\npackage dep:x@1.0.0 { interface types { type a = u8; } }", DiagnosticCodes.PackageNotFound);
        Assert.Contains("dep:x@1.0.0", diagnostic.Message);
    }

    [Fact]
    public void Nested_packages_are_separate_packages_resolved_first()
    {
        var resolution = WitResolver.ResolveText("""
            package app:main;
            world w { import dep:a/i; }
            package dep:a { interface i { use dep:b/j.{t}; } }
            package dep:b { interface j { type t = u8; } }
            """, WitText.FileName);
        Assert.Empty(resolution.Diagnostics);
        Assert.Equal(new[] { "dep:b", "dep:a", "app:main" }, resolution.Packages.Select(p => p.Name.ToString()));
        Assert.Equal(new[] { "dep:b/j", "dep:a/i" }, resolution.Root!.Worlds[0].Imports.Select(i => i.Name));
    }

    [Fact]
    public void A_file_of_only_nested_packages_has_no_root()
    {
        var resolution = WitResolver.ResolveText("package a:b { interface i {} }\npackage c:d { interface j {} }", WitText.FileName);
        Assert.Empty(resolution.Diagnostics);
        Assert.Null(resolution.Root);
        Assert.Equal(2, resolution.Packages.Count);
    }

    [Fact]
    public void Top_level_use_renames_a_foreign_interface()
    {
        var package = WitText.Valid("""
            package app:main;
            use dep:x/types as t;
            interface i { use t.{a}; }
            world w { import t; }
            package dep:x { interface types { type a = u8; } }
            """);
        Assert.Equal("dep:x/types", Assert.Single(package.Worlds[0].Imports).Name);
    }

    [Fact]
    public void Interfaces_are_listed_after_those_they_use()
    {
        var package = WitText.Valid("package a:b;\ninterface late { use early.{t}; }\ninterface early { type t = u8; }");
        Assert.Equal(new[] { "early", "late" }, package.Interfaces.Select(i => i.Name));
    }

    [Fact]
    public void Self_reference_by_full_name_is_a_cycle()
        => WitText.Error("package a:b;\ninterface i { use $$a:b/j.{}; }\ninterface j {}", DiagnosticCodes.PackageCycle);

    [Fact]
    public void World_and_interface_names_share_a_namespace()
        => WitText.Error("package a:b;\nworld x {}\ninterface $$x {}", DiagnosticCodes.DuplicateItem);
}
