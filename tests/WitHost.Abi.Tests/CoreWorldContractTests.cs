using WitHost.Wit;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>What a core guest of a world must import and export: the rule hosts check guests with.</summary>
public sealed class CoreWorldContractTests
{
    private static WitWorld World(string text)
    {
        var resolution = WitResolver.ResolveText(text, "contract.wit");
        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics));
        return resolution.Root!.Worlds.Single();
    }

    [Fact]
    public void A_world_of_numbers_needs_neither_memory_nor_cabi_realloc()
    {
        var contract = CoreWorldContract.For(World("package a:b; world w { import f: func(x: u32) -> u64; export g: func(x: f32) -> f64; }"));

        Assert.False(contract.NeedsMemory);
        Assert.Equal(("$root", "f", "(i32) -> (i64)"), Single(contract.Imports));
        Assert.Equal(
            [("g", "(f32) -> (f64)", true), ("cabi_post_g", "(f64) -> ()", false), ("cabi_realloc", "(i32, i32, i32, i32) -> (i32)", false)],
            contract.Exports.Select(e => (e.Name, e.Type.ToString(), e.IsRequired)));
    }

    [Theory]
    [InlineData("export g: func(s: string);", true)]
    [InlineData("export g: func(s: list<u8>);", true)]
    [InlineData("export g: func(s: option<tuple<u8, string>>);", true)]
    [InlineData("export g: func() -> string;", false)]
    [InlineData("import f: func(s: string);", false)]
    [InlineData("import f: func() -> list<u32>;", true)]
    [InlineData("export g: func(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64, g: u64, h: u64, i: u64, j: u64, k: u64, l: u64, m: u64, n: u64, o: u64, p: u64, q: u64);", true)]
    public void cabi_realloc_is_required_when_the_host_lowers_into_the_guest(string item, bool required)
    {
        var contract = CoreWorldContract.For(World($"package a:b; world w {{ {item} }}"));

        Assert.True(contract.NeedsMemory);
        Assert.Equal(required, contract.Exports.Single(e => e.Name == "cabi_realloc").IsRequired);
    }

    [Theory]
    [InlineData("export g: func(s: list<option<string>>);", true)]
    [InlineData("export g: func() -> result<u8, string>;", true)]
    [InlineData("export g: func(b: list<u8>) -> u32;", false)]
    [InlineData("import g: func(s: tuple<u8, string>);", true)]
    [InlineData("import g: func(c: char);", false)]
    public void A_function_passes_strings_when_its_types_hold_one(string item, bool passesStrings)
    {
        var contract = CoreWorldContract.For(World($"package a:b; world w {{ {item} }}"));

        var passes = contract.Imports.Select(i => (i.Name, i.PassesStrings)).Concat(contract.Exports.Select(e => (e.Name, e.PassesStrings)));
        Assert.Equal(passesStrings, passes.Single(entry => entry.Name == "g").PassesStrings);
    }

    [Fact]
    public void Resources_bring_their_intrinsics_and_destructors()
    {
        var contract = CoreWorldContract.For(World("""
            package a:b;
            interface i { resource r { constructor(); get: func() -> u32; } }
            interface e { resource s { peek: func() -> u32; } }
            world w { import i; export e; }
            """));

        Assert.Equal(
            [
                ("a:b/i", "[constructor]r", "() -> (i32)"),
                ("a:b/i", "[method]r.get", "(i32) -> (i32)"),
                ("a:b/i", "[resource-drop]r", "(i32) -> ()"),
                ("[export]a:b/e", "[resource-new]s", "(i32) -> (i32)"),
                ("[export]a:b/e", "[resource-rep]s", "(i32) -> (i32)"),
                ("[export]a:b/e", "[resource-drop]s", "(i32) -> ()"),
            ],
            contract.Imports.Select(i => (i.Module, i.Name, i.Type.ToString())));
        Assert.Contains(contract.Exports, e => e.Name == "a:b/e#[dtor]s" && !e.IsRequired && e.Type.ToString() == "(i32) -> ()");
        Assert.Contains(contract.Exports, e => e.Name == "a:b/e#[method]s.peek" && e.IsRequired && e.Type.ToString() == "(i32) -> (i32)");
    }

    private static (string, string, string) Single(IEnumerable<CoreContractImport> imports)
    {
        var import = Assert.Single(imports);
        return (import.Module, import.Name, import.Type.ToString());
    }
}
