using WitHost.Wit.Diagnostics;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>Packages on disk: several files per package, <c>deps/</c> as directories or single files.</summary>
public sealed class DirectoryTests
{
    [Fact]
    public void Files_of_a_directory_form_one_package_and_deps_are_found()
    {
        using var dir = new TempDirectory();
        dir.Write("types.wit", "package app:main@1.0.0;\ninterface types {\n  use dep:lib/shapes@0.1.0.{point};\n  record line { a: point, b: point }\n}\n");
        dir.Write("world.wit", "package app:main@1.0.0;\nworld app {\n  import types;\n  export run: func() -> u32;\n}\n");
        dir.Write("deps/lib/shapes.wit", "package dep:lib@0.1.0;\ninterface shapes {\n  record point { x: s32, y: s32 }\n}\n");
        dir.Write("deps/single.wit", "package dep:single;\ninterface unused {}\n");
        dir.Write("deps/README.md", "not WIT, ignored");

        var resolution = WitResolver.ResolvePath(dir.Path);

        Assert.Empty(resolution.Diagnostics);
        Assert.Equal("app:main@1.0.0", resolution.Root!.Name.ToString());
        Assert.Equal(new[] { "dep:lib@0.1.0", "dep:single", "app:main@1.0.0" }.OrderBy(x => x), resolution.Packages.Select(p => p.Name.ToString()).OrderBy(x => x));
        var world = resolution.Root.FindWorld("app")!;
        Assert.Equal(new[] { "dep:lib/shapes@0.1.0", "app:main/types@1.0.0" }, world.Imports.Select(item => item.Name));
        Assert.Equal("run", Assert.Single(world.Exports).Name);
    }

    [Fact]
    public void Packages_come_in_dependency_order()
    {
        using var dir = new TempDirectory();
        dir.Write("main.wit", "package app:main;\ninterface i { use z:last/j.{t}; }\n");
        dir.Write("deps/a/a.wit", "package z:last;\ninterface j { use a:first/k.{t}; }\n");
        dir.Write("deps/b/b.wit", "package a:first;\ninterface k { type t = u8; }\n");

        var resolution = WitResolver.ResolvePath(dir.Path);

        Assert.Empty(resolution.Diagnostics);
        Assert.Equal(new[] { "a:first", "z:last", "app:main" }, resolution.Packages.Select(p => p.Name.ToString()));
    }

    [Fact]
    public void A_single_file_can_be_the_root()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("one.wit", "package app:one;\nworld w { import dep:x/i.{}; }\n");
        var bad = WitResolver.ResolvePath(file);
        Assert.Contains(bad.Diagnostics, d => d.Code == DiagnosticCodes.UnexpectedToken);

        var good = dir.Write("two.wit", "package app:two;\nworld w { import dep:x/i; }\npackage dep:x { interface i {} }\n");
        var resolution = WitResolver.ResolvePath(good);
        Assert.Empty(resolution.Diagnostics);
        Assert.Equal("app:two", resolution.Root!.Name.ToString());
    }

    [Fact]
    public void Top_level_use_names_are_visible_only_in_their_file()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package app:main;\nuse dep:lib/shapes as geometry;\ninterface a { use geometry.{point}; }\n");
        var b = dir.Write("b.wit", "package app:main;\ninterface b { use geometry.{point}; }\n");
        dir.Write("deps/lib.wit", "package dep:lib;\ninterface shapes { record point { x: u8 } }\n");

        var resolution = WitResolver.ResolvePath(dir.Path);

        var diagnostic = Assert.Single(resolution.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownInterfaceOrWorld, diagnostic.Code);
        Assert.Equal(b, diagnostic.Span.Path);
        Assert.Equal((2, 19), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Files_of_one_package_must_agree_on_its_name()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package app:a;\ninterface i {}\n");
        var source = MarkedSource.Parse("package $$app:b;\ninterface j {}\n");
        dir.Write("b.wit", source.Text);

        WitText.AssertError(WitResolver.ResolvePath(dir.Path), source, DiagnosticCodes.PackageNameMismatch, "b.wit");
    }

    [Fact]
    public void Only_one_file_may_document_the_package()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "/// Docs A\npackage app:a;\ninterface i {}\n");
        var source = MarkedSource.Parse("/// Docs B\n$$package app:a;\ninterface j {}\n");
        dir.Write("b.wit", source.Text);

        WitText.AssertError(WitResolver.ResolvePath(dir.Path), source, DiagnosticCodes.MultiplePackageDocs, "b.wit");
    }

    [Fact]
    public void A_missing_path_is_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), "withost-no-such-" + Guid.NewGuid().ToString("N"));
        var diagnostic = Assert.Single(WitResolver.ResolvePath(path).Diagnostics);
        Assert.Equal(DiagnosticCodes.UnreadablePath, diagnostic.Code);
        Assert.Equal((path, 1, 1), (diagnostic.Span.Path, diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Binary_dependencies_are_reported_as_unsupported()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package app:a;\ninterface i {}\n");
        var wasm = dir.Write("deps/b.wasm", "\0asm");
        var diagnostic = Assert.Single(WitResolver.ResolvePath(dir.Path).Diagnostics);
        Assert.Equal((DiagnosticCodes.UnreadablePath, wasm), (diagnostic.Code, diagnostic.Span.Path));
    }

    [Fact]
    public void The_same_package_under_two_deps_is_a_duplicate()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package app:a;\ninterface i {}\n");
        dir.Write("deps/x/x.wit", "package dep:x;\ninterface i {}\n");
        var second = dir.Write("deps/y.wit", "package dep:x;\ninterface i {}\n");
        var diagnostic = Assert.Single(WitResolver.ResolvePath(dir.Path).Diagnostics);
        Assert.Equal((DiagnosticCodes.DuplicatePackage, second, 1, 9), (diagnostic.Code, diagnostic.Span.Path, diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void In_memory_sources_resolve_like_a_directory()
    {
        var resolution = WitResolver.ResolveSources(
            new[]
            {
                new WitSourceFile("wit/a.wit", "package app:main;\ninterface a { use dep:lib/shapes.{point}; }\n"),
                new WitSourceFile("wit/b.wit", "package app:main;\nworld w { import a; }\n"),
            },
            new[] { new[] { new WitSourceFile("wit/deps/lib/shapes.wit", "package dep:lib;\ninterface shapes { record point { x: u8 } }\n") } });

        Assert.Empty(resolution.Diagnostics);
        Assert.Equal(new[] { "dep:lib/shapes", "app:main/a" }, resolution.Root!.FindWorld("w")!.Imports.Select(item => item.Name));
    }
}
