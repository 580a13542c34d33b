using Test.Mismatch;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr;
using WitHost.Wamr.Binary;
using WitHost.Wamr.Validation;
using WitHost.Wit;

namespace WitHost.Bindings.Tests;

/// <summary>
/// A generated host checks a guest against its world before any guest code runs
/// (tests/guests/mismatch-*.wat: one correct guest, the others each wrong in a named way): one
/// <see cref="WasmInstantiationException"/> lists every mismatch, and Validate returns the same
/// list without instantiating.
/// </summary>
public sealed class MismatchBindingsTests : IDisposable
{
    private readonly WamrEngine _engine = new();
    private readonly List<WamrModule> _modules = [];

    public void Dispose()
    {
        foreach (var module in _modules)
        {
            module.Dispose();
        }

        _engine.Dispose();
    }

    [Fact]
    public void A_guest_that_matches_the_world_validates_and_runs()
    {
        var module = Load("good");
        Assert.Empty(MismatchHost.Validate(module));

        using var guest = MismatchHost.Instantiate(module, new MismatchHost.Imports { Host = new Host() });
        Assert.Equal(5u, guest.Calc.Add(2, 3));
        Assert.Equal("wasm", guest.Calc.Greet("wasm"));
        Assert.Equal(7ul, guest.Version());
    }

    [Fact]
    public void A_wrong_result_type_is_named_with_both_signatures()
    {
        var mismatch = Assert.Single(Refuse("wrong-signature"));
        Assert.Equal(GuestMismatchKind.ExportSignature, mismatch.Kind);
        Assert.Null(mismatch.Module);
        Assert.Equal("version", mismatch.Name);
        Assert.Equal(FunctionType.Parse("() -> (i64)"), mismatch.Expected);
        Assert.Equal(FunctionType.Parse("() -> (i32)"), mismatch.Actual);
        Assert.Contains("'version'", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_the_world_does_not_provide_is_named()
    {
        var mismatch = Assert.Single(Refuse("unknown-import"));
        Assert.Equal(GuestMismatchKind.UnknownImport, mismatch.Kind);
        Assert.Equal(("env", "debug"), (mismatch.Module, mismatch.Name));
        Assert.Null(mismatch.Expected);
        Assert.Equal(FunctionType.Parse("(i32) -> ()"), mismatch.Actual);
    }

    [Fact]
    public void A_missing_export_is_named()
    {
        var mismatch = Assert.Single(Refuse("missing-export"));
        Assert.Equal(GuestMismatchKind.MissingExport, mismatch.Kind);
        Assert.Equal("test:mismatch/calc#greet", mismatch.Name);
        Assert.Equal(FunctionType.Parse("(i32, i32) -> (i32)"), mismatch.Expected);
        Assert.Null(mismatch.Actual);
    }

    [Fact]
    public void A_misspelled_import_is_named()
    {
        var mismatch = Assert.Single(Refuse("misspelled-import"));
        Assert.Equal(GuestMismatchKind.UnknownImport, mismatch.Kind);
        Assert.Equal(("test:mismatch/host", "tik"), (mismatch.Module, mismatch.Name));
    }

    [Fact]
    public void An_extra_parameter_is_named()
    {
        var mismatch = Assert.Single(Refuse("extra-parameter"));
        Assert.Equal(GuestMismatchKind.ExportSignature, mismatch.Kind);
        Assert.Equal("test:mismatch/calc#add", mismatch.Name);
        Assert.Equal(FunctionType.Parse("(i32, i32) -> (i32)"), mismatch.Expected);
        Assert.Equal(FunctionType.Parse("(i32, i32, i32) -> (i32)"), mismatch.Actual);
    }

    [Fact]
    public void Every_mismatch_of_a_guest_is_listed_at_once_and_none_of_its_code_runs()
    {
        // The guest's _initialize traps: had it run, the exception would say so instead.
        var mismatches = Refuse("several");
        Assert.Equal(
            [
                (GuestMismatchKind.ExportSignature, null, "test:mismatch/calc#add"),
                (GuestMismatchKind.MissingExport, null, "test:mismatch/calc#greet"),
                (GuestMismatchKind.MissingMemory, null, "memory"),
                (GuestMismatchKind.ImportSignature, "test:mismatch/host", "tick"),
                (GuestMismatchKind.UnknownImport, "test:mismatch/other", "f"),
            ],
            mismatches.Select(m => (m.Kind, m.Module, m.Name)));
        var tick = mismatches.Single(m => m.Name == "tick");
        Assert.Equal(FunctionType.Parse("() -> (i32)"), tick.Expected);
        Assert.Equal(FunctionType.Parse("() -> (i64)"), tick.Actual);
    }

    [Fact]
    public void The_message_names_the_world_and_every_mismatch()
    {
        var module = Load("several");
        var error = Assert.Throws<WasmInstantiationException>(() => MismatchHost.Instantiate(module, new MismatchHost.Imports { Host = new Host() }));
        Assert.StartsWith("The guest does not match the world 'test:mismatch/mismatch' (5 mismatches):", error.Message, StringComparison.Ordinal);
        foreach (var mismatch in error.Mismatches)
        {
            Assert.Contains(mismatch.Message, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_dynamic_host_computes_the_same_contract_from_the_world()
    {
        var world = WitResolver.ResolveText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wit", "mismatch.wit")), "mismatch.wit").Root!.FindWorld("mismatch")!;
        var contract = GuestContract.For(world);
        var module = Load("several");
        Assert.Equal(MismatchHost.Validate(module), contract.Check(module));
        Assert.Empty(contract.Check(Load("good")));
    }

    [Fact]
    public void A_guest_that_says_it_encodes_strings_otherwise_is_named_per_function()
    {
        // A component's canon options say this per function; here the lookup stands in for one
        // whose greet and add exports and log import use UTF-16: add passes no strings, so its
        // encoding does not matter.
        var module = Load("good");
        var mismatches = MismatchHost.Validate(module);
        Assert.Empty(mismatches);

        var contract = GuestContract.For(WitResolver.ResolveText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wit", "mismatch.wit")), "mismatch.wit").Root!.FindWorld("mismatch")!);
        var encodings = contract.Check(module.Info, (coreModule, name) => name is "test:mismatch/calc#greet" or "test:mismatch/calc#add" or "log" ? WitHost.Wamr.CanonicalAbi.StringEncoding.Utf16 : null);
        Assert.Equal(
            [(GuestMismatchKind.StringEncoding, null, "test:mismatch/calc#greet"), (GuestMismatchKind.StringEncoding, "test:mismatch/host", "log")],
            encodings.Select(m => (m.Kind, m.Module, m.Name)));
        Assert.Contains("Utf16", encodings[0].Message, StringComparison.Ordinal);
    }

    // Validate and Instantiate agree: the same list, in the same order.
    private IReadOnlyList<GuestMismatch> Refuse(string guest)
    {
        var module = Load(guest);
        var validated = MismatchHost.Validate(module);
        var error = Assert.Throws<WasmInstantiationException>(() => MismatchHost.Instantiate(module, new MismatchHost.Imports { Host = new Host() }));
        Assert.Equal(validated, error.Mismatches);
        return error.Mismatches;
    }

    private WamrModule Load(string guest)
    {
        var module = _engine.LoadModule(GuestMode.Prepare(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "mismatch-" + guest + ".wasm"))));
        _modules.Add(module);
        return module;
    }

    private sealed class Host : IHost
    {
        public void Log(string s)
        {
        }

        public uint Tick() => 1;
    }
}
