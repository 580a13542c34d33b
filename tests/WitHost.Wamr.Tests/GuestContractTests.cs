using WitHost.Wamr.Binary;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Validation;

namespace WitHost.Wamr.Tests;

/// <summary>The comparison of a module's imports and exports with a contract, on module descriptions made by hand.</summary>
public sealed class GuestContractTests
{
    private static readonly GuestContract s_contract = new(
        "test:c/w",
        StringEncoding.Utf8,
        needsMemory: true,
        imports: [new GuestContractImport("test:c/i", "f", "(i32) -> ()")],
        exports:
        [
            new GuestContractExport("g", "(i32, i32) -> (i32)", isRequired: true),
            new GuestContractExport("cabi_post_g", "(i32) -> ()", isRequired: false),
            new GuestContractExport("cabi_realloc", "(i32, i32, i32, i32) -> (i32)", isRequired: true),
        ]);

    private static readonly ModuleExport s_memory = new("memory", ModuleExportKind.Memory);
    private static readonly ModuleExport s_realloc = Function("cabi_realloc", "(i32, i32, i32, i32) -> (i32)");

    [Fact]
    public void Optional_exports_may_be_absent_and_wasi_imports_are_left_to_wamr()
    {
        var info = Module(
            [new ModuleImport("wasi_snapshot_preview1", "fd_write", FunctionType.Parse("(i32, i32, i32, i32) -> (i32)")), new ModuleImport("test:c/i", "f", FunctionType.Parse("(i32) -> ()"))],
            [Function("g", "(i32, i32) -> (i32)"), s_realloc, s_memory]);

        Assert.Empty(s_contract.Check(info));
    }

    [Fact]
    public void An_optional_export_that_is_present_must_have_its_type()
    {
        var info = Module([], [Function("g", "(i32, i32) -> (i32)"), Function("cabi_post_g", "(i64) -> ()"), s_realloc, s_memory]);

        var mismatch = Assert.Single(s_contract.Check(info));
        Assert.Equal((GuestMismatchKind.ExportSignature, "cabi_post_g"), (mismatch.Kind, mismatch.Name));
    }

    [Fact]
    public void A_name_exported_as_something_else_than_a_function_is_named()
    {
        var info = Module([], [new ModuleExport("g", ModuleExportKind.Global), s_realloc, s_memory]);

        var mismatch = Assert.Single(s_contract.Check(info));
        Assert.Equal(GuestMismatchKind.ExportNotAFunction, mismatch.Kind);
        Assert.Contains("as a global", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_cabi_realloc_and_the_memory_are_checked_like_any_export()
    {
        var info = Module([], [Function("g", "(i32, i32) -> (i32)")]);

        Assert.Equal(
            [(GuestMismatchKind.MissingExport, "cabi_realloc"), (GuestMismatchKind.MissingMemory, "memory")],
            s_contract.Check(info).Select(m => (m.Kind, m.Name)));
    }

    private static ModuleExport Function(string name, string type) => new(name, ModuleExportKind.Function, FunctionType.Parse(type));

    private static WasmModuleInfo Module(IReadOnlyList<ModuleImport> imports, IReadOnlyList<ModuleExport> exports)
        => new(imports, exports, null, null, ImportsMemory: false);
}
