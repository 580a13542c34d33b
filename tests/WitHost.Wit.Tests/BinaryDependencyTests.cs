using WitHost.Wit.Binary;
using WitHost.Wit.Tests.TestSupport;
using static WitHost.Wamr.Tests.ComponentBytes;

namespace WitHost.Wit.Tests;

/// <summary>
/// Every kind of dependency in one <c>deps/</c> folder (the shape of wit-parser's
/// <c>kinds-of-deps</c> case): a directory, a single <c>.wit</c> file, and a binary WIT package
/// (<c>.wasm</c>, a component encoding the package, as <c>wasm-tools component wit --wasm</c>
/// writes it), which itself uses a type from another dependency.
/// </summary>
public sealed class BinaryDependencyTests
{
    /// <summary>
    /// <c>package e:e; interface qux { use b:b/foo.{t}; record point { x: u32 } f: func(p: point) -> t; }
    /// world w { import qux; }</c>, encoded as wit-component encodes packages: each interface and
    /// world is a component type exporting it under its full name.
    /// </summary>
    private static byte[] PackageE()
    {
        byte[] fooType = [0x42, .. Vector([0x01, 0x79], [0x04, 0x00, .. Name("t"), 0x03, 0x00, 0x00])];
        byte[] quxType =
        [
            0x42,
            .. Vector(
                [0x02, 0x03, 0x02, 0x01, 0x01],                     // alias outer 1 1 (type): b:b/foo's t
                [0x04, 0x00, .. Name("t"), 0x03, 0x00, 0x00],       // export "t" (eq 0)
                [0x01, 0x72, .. Vector([.. Name("x"), 0x79])],      // record { x: u32 }
                [0x04, 0x00, .. Name("point"), 0x03, 0x00, 0x02],   // export "point" (eq 2)
                [0x01, 0x40, .. Vector([.. Name("p"), 0x03]), 0x00, 0x01], // func(p: point) -> t
                [0x04, 0x00, .. Name("f"), 0x01, 0x04]),            // export "f" (func 4)
        ];
        byte[] interfaceWrapper =
        [
            0x41,
            .. Vector(
                [0x01, .. fooType],                                   // type 0
                [0x03, 0x00, .. Name("b:b/foo"), 0x05, 0x00],         // import b:b/foo (instance 0)
                [0x02, 0x03, 0x00, 0x00, .. Name("t")],               // alias export 0 "t": type 1
                [0x01, .. quxType],                                   // type 2
                [0x04, 0x00, .. Name("e:e/qux"), 0x05, 0x02]),        // export e:e/qux (instance 2)
        ];
        byte[] worldWrapper =
        [
            0x41,
            .. Vector(
                [0x01, 0x41, .. Vector(
                    [0x01, .. fooType],
                    [0x03, 0x00, .. Name("b:b/foo"), 0x05, 0x00],
                    [0x02, 0x03, 0x00, 0x00, .. Name("t")],
                    [0x01, .. quxType],
                    [0x03, 0x00, .. Name("e:e/qux"), 0x05, 0x02])],
                [0x04, 0x00, .. Name("e:e/w"), 0x04, 0x00]),          // export e:e/w (component 0)
        ];
        return Component(
            Section(7, Vector(interfaceWrapper, worldWrapper)),
            Section(11, Vector([0x00, .. Name("qux"), 0x03, 0x00, 0x00], [0x00, .. Name("w"), 0x03, 0x01, 0x00])));
    }

    [Fact]
    public void A_binary_package_decodes_to_its_interfaces_and_worlds()
    {
        Assert.Equal(
            "package e:e;\n\ninterface qux {\n  use b:b/foo.{t};\n  record point {\n    x: u32,\n  }\n  f: func(p: point) -> t;\n}\n\n"
            + "world w {\n  import b:b/foo;\n  import qux;\n}\n",
            ComponentWitDecoder.DecodePackage(PackageE()));
    }

    [Fact]
    public void A_directory_a_file_and_a_binary_package_resolve_as_dependencies()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:a;\n\nworld a {\n  import b:b/foo;\n  import c:c/bar;\n  import e:e/qux;\n  include e:e/w;\n}\n");
        dir.Write("deps/b/foo.wit", "package b:b;\n\ninterface foo {\n  type t = u32;\n}\n");
        dir.Write("deps/c.wit", "package c:c;\n\ninterface bar {\n  g: func();\n}\n");
        File.WriteAllBytes(Path.Combine(dir.Path, "deps", "e.wasm"), PackageE());

        var resolution = WitResolver.ResolvePath(dir.Path);

        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics));
        var e = Assert.Single(resolution.Packages, p => p.Name.ToString() == "e:e");
        var qux = Assert.Single(e.Interfaces, i => i.Name == "qux");
        Assert.Contains(qux.Functions, f => f.Name == "f");
        Assert.Single(e.Worlds, w => w.Name == "w");
    }

    [Fact]
    public void A_wasm_file_that_is_not_a_package_is_a_located_diagnostic()
    {
        using var dir = new TempDirectory();
        dir.Write("a.wit", "package a:a;\n\nworld a {}\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "deps"));
        File.WriteAllBytes(Path.Combine(dir.Path, "deps", "x.wasm"), [.. ComponentPreamble, 0x07, 0x09]);

        var resolution = WitResolver.ResolvePath(dir.Path);

        var diagnostic = Assert.Single(resolution.Diagnostics);
        Assert.Contains("not a binary WIT package", diagnostic.Message);
        Assert.EndsWith("x.wasm", diagnostic.Span.Path);
    }
}
