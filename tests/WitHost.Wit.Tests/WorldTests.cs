using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>World imports and exports, includes, and elaboration.</summary>
public sealed class WorldTests
{
    [Fact]
    public void Every_kind_of_import_and_export_gets_its_component_model_name()
    {
        var world = WitText.World("""
            package test:pkg@1.2.3;
            interface logging { log: func(msg: string); }
            interface store { get: func(key: string) -> option<list<u8>>; }
            world w {
              import logging;
              import primary: store;
              import secondary: store;
              import clock: func() -> u64;
              import inline: interface { now: func() -> u64; }
              export run: func();
              export handler: interface { handle: func(); }
              export store;
            }
            """);

        Assert.Equal(new[] { "test:pkg/logging@1.2.3", "primary", "secondary", "inline", "clock" }, world.Imports.Select(i => i.Name));
        Assert.Equal(new[] { "run", "handler", "test:pkg/store@1.2.3" }, world.Exports.Select(i => i.Name));
        var inline = Assert.IsType<WitWorldInterfaceItem>(world.Imports.Single(i => i.Name == "inline")).Interface;
        Assert.True(inline.Owner.IsInlineInterface);
        Assert.Equal(("inline", "w"), (inline.Name, inline.Owner.WorldName));
        Assert.Equal("test:pkg/w@1.2.3", world.QualifiedName);
        Assert.Same(
            Assert.IsType<WitWorldInterfaceItem>(world.Imports.Single(i => i.Name == "primary")).Interface,
            Assert.IsType<WitWorldInterfaceItem>(world.Imports.Single(i => i.Name == "secondary")).Interface);
    }

    [Fact]
    public void Imports_of_interfaces_pull_in_what_they_use_first()
    {
        var world = WitText.World("""
            package test:pkg;
            interface base { type t = u32; }
            interface middle { use base.{t}; }
            interface top { use middle.{t}; f: func() -> t; }
            world w { import top; }
            """);
        Assert.Equal(new[] { "test:pkg/base", "test:pkg/middle", "test:pkg/top" }, world.Imports.Select(i => i.Name));
    }

    [Fact]
    public void Exports_import_their_dependencies_unless_exported_too()
    {
        var world = WitText.World("""
            package test:pkg;
            interface base { type t = u32; }
            interface api { use base.{t}; f: func() -> t; }
            world w { export api; }
            world both { export base; export api; }
            """);
        Assert.Equal("test:pkg/base", Assert.Single(world.Imports).Name);
        Assert.Equal("test:pkg/api", Assert.Single(world.Exports).Name);
    }

    [Fact]
    public void World_level_types_uses_and_resources_are_imports()
    {
        var world = WitText.World("""
            package test:pkg;
            interface types { record point { x: u8 } }
            world w {
              use types.{point};
              record size { w: u32 }
              resource canvas { draw: func(p: point); }
              import paint: func(c: borrow<canvas>, s: size);
            }
            """);
        Assert.Equal(new[] { "test:pkg/types", "point", "size", "canvas", "paint", "[method]canvas.draw" }, world.Imports.Select(i => i.Name));
        var size = Assert.IsType<WitWorldTypeItem>(world.Imports.Single(i => i.Name == "size")).Type;
        Assert.Equal((WitOwnerKind.World, "w"), (size.Owner.Kind, size.Owner.WorldName));
    }

    [Fact]
    public void Include_merges_worlds_and_renames_with_with()
    {
        var world = WitText.World("""
            package test:pkg;
            interface shared {}
            world a { import shared; import x: func(); export y: func(); }
            world b { import shared; import x: func(); }
            world w {
              include a;
              include b with { x as x2 }
            }
            """);
        Assert.Equal(new[] { "test:pkg/shared", "x", "x2" }, world.Imports.Select(i => i.Name));
        Assert.Equal("x2", Assert.IsType<WitWorldFunctionItem>(world.Imports[2]).Function.Name);
        Assert.Equal("y", Assert.Single(world.Exports).Name);
    }

    [Fact]
    public void Include_of_a_foreign_world()
    {
        var world = WitText.World("""
            package test:pkg;
            world w { include dep:lib/base@1.0.0; export go: func(); }
            package dep:lib@1.0.0 {
              interface clock { now: func() -> u64; }
              world base { import clock; }
            }
            """);
        Assert.Equal("dep:lib/clock@1.0.0", Assert.Single(world.Imports).Name);
    }

    [Fact]
    public void Same_name_may_be_imported_and_exported()
    {
        var world = WitText.World("package test:pkg;\nworld w {\n  import greet: func() -> string;\n  export greet: func() -> string;\n}");
        Assert.Equal("greet", Assert.Single(world.Imports).Name);
        Assert.Equal("greet", Assert.Single(world.Exports).Name);
    }

    [Fact]
    public void Exporting_an_interface_twice_is_an_error()
        => WitText.Error("package a:b;\ninterface i {}\nworld w {\n  export i;\n  export $$i;\n}", DiagnosticCodes.InterfaceRepeated);

    [Fact]
    public void Include_cycles_are_reported()
        => WitText.Error("package a:b;\nworld $$a { include b; }\nworld b { include a; }", DiagnosticCodes.ItemCycle);

    [Fact]
    public void Importing_a_world_is_an_error()
        => WitText.Error("package a:b;\nworld v {}\nworld w {\n  import $$v;\n}", DiagnosticCodes.WrongItemKind);

    [Fact]
    public void Case_insensitive_clash_between_imports()
        => WitText.Error("package a:b;\nworld w {\n  import foo: func();\n  import $$FOO: func();\n}", DiagnosticCodes.CaseInsensitiveClash);

    [Fact]
    public void Docs_on_imports_and_exports_are_kept()
    {
        var world = WitText.World("package a:b;\ninterface i {}\nworld w {\n  /// The i import.\n  import i;\n  /// Runs.\n  export run: func();\n}");
        Assert.Equal("The i import.", world.Imports.Single().Docs);
        Assert.Equal("Runs.", world.Exports.Single().Docs);
        Assert.Equal("Runs.", Assert.IsType<WitWorldFunctionItem>(world.Exports.Single()).Function.Docs);
    }

    [Fact]
    public void Included_world_types_and_functions_become_the_including_worlds_own()
    {
        var package = WitText.Valid("""
            package a:b;
            world base {
              record size { w: u32 }
              resource canvas { resize: func(s: size); }
              import paint: func(c: borrow<canvas>, s: size) -> list<size>;
            }
            world app { include base with { paint as draw, canvas as board } }
            """);
        var app = package.FindWorld("app")!;
        Assert.Equal(new[] { "size", "board", "draw", "[method]board.resize" }, app.Imports.Select(item => item.Name));

        var size = Assert.IsType<WitRecordType>(Assert.IsType<WitWorldTypeItem>(app.Imports[0]).Type);
        var board = Assert.IsType<WitResourceType>(Assert.IsType<WitWorldTypeItem>(app.Imports[1]).Type);
        Assert.Equal(("app", "app"), (size.Owner.WorldName, board.Owner.WorldName));
        Assert.Equal("board", board.Name);

        var draw = Assert.IsType<WitWorldFunctionItem>(app.Imports[2]).Function;
        Assert.Equal(("draw", "app"), (draw.Name, draw.Owner.WorldName));
        Assert.Equal(new WitHandleType(WitHandleKind.Borrow, board), draw.Parameters[0].Type);
        Assert.Same(size, draw.Parameters[1].Type);
        Assert.Equal(new WitListType(size), draw.Result);

        var resize = Assert.IsType<WitWorldFunctionItem>(app.Imports[3]).Function;
        Assert.Same(board, resize.Resource);
        Assert.Equal("[method]board.resize", resize.ExternalName);

        var original = package.FindWorld("base")!;
        Assert.Equal("base", Assert.IsType<WitWorldTypeItem>(original.Imports[0]).Type.Owner.WorldName);
    }
}
