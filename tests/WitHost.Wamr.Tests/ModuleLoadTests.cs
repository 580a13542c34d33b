using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Tests;

public sealed class ModuleLoadTests
{
    [Fact]
    public void Loads_from_a_file()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(Path.Combine(AppContext.BaseDirectory, "guests", "core.wasm"));
        Assert.Contains(module.Info.Exports, e => e.Name == "add-i32" && e.Kind == ModuleExportKind.Function);
    }

    [Fact]
    public void Inspect_gives_exported_functions_their_core_types_and_other_exports_none()
    {
        WasmModuleInfo info = WamrEngine.Inspect(CoreGuest.Bytes);
        Assert.Equal(FunctionType.Parse("(i32, i32) -> (i32)"), info.Exports.Single(e => e.Name == "add-i32").Type);
        Assert.Null(info.Exports.Single(e => e.Kind == ModuleExportKind.Memory).Type);
    }

    [Fact]
    public void An_export_of_a_function_the_module_lacks_is_a_format_error()
    {
        // (module (type (func)) (export "f" (func 0))): function 0 does not exist.
        byte[] bytes = [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 7, 5, 1, 1, (byte)'f', 0, 0];
        var error = Assert.Throws<FormatException>(() => WamrEngine.Inspect(bytes));
        Assert.Contains("unknown function 0", error.Message);
    }

    [Theory]
    [InlineData("() -> ()")]
    [InlineData("(i32, i64, f32, f64) -> (i32)")]
    public void A_function_type_reads_back_what_it_prints(string text)
        => Assert.Equal(text, FunctionType.Parse(text).ToString());

    [Theory]
    [InlineData("(i32)")]
    [InlineData("(i32 -> ()")]
    [InlineData("(v128) -> ()")]
    public void A_malformed_function_type_is_a_format_error(string text)
        => Assert.Throws<FormatException>(() => FunctionType.Parse(text));

    [Fact]
    public void Corrupt_bytes_give_wamrs_own_message()
    {
        using var engine = new WamrEngine();
        var e = Assert.Throws<WasmModuleLoadException>(() => engine.LoadModule("not a wasm module at all"u8));
        Assert.Contains("magic header not detected", e.Message);
    }

    [Fact]
    public void A_truncated_module_gives_wamrs_own_message()
    {
        using var engine = new WamrEngine();
        byte[] truncated = CoreGuest.Bytes[..(CoreGuest.Bytes.Length / 2)];
        var e = Assert.Throws<WasmModuleLoadException>(() => engine.LoadModule(truncated));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.DoesNotContain("WAMR rejected", e.Message);
    }

    [Fact]
    public void Empty_bytes_are_rejected()
    {
        using var engine = new WamrEngine();
        Assert.Throws<WasmModuleLoadException>(() => engine.LoadModule(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void A_module_with_a_bad_section_is_rejected_with_a_message()
    {
        using var engine = new WamrEngine();
        byte[] bytes = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00];
        var e = Assert.Throws<WasmModuleLoadException>(() => engine.LoadModule(bytes));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void An_import_whose_name_has_a_nul_is_refused_by_name()
    {
        // (import "env" "f\00x" (func)): WAMR resolves imports by C string, so it would see "f".
        byte[] bytes =
        [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
            0x02, 0x0B, 0x01, 0x03, 0x65, 0x6E, 0x76, 0x03, 0x66, 0x00, 0x78, 0x00, 0x00,
        ];
        using var engine = new WamrEngine();
        var e = Assert.Throws<WasmModuleLoadException>(() => engine.LoadModule(bytes));
        Assert.Contains("'env' 'f\\0x'", e.Message);
        Assert.Contains("NUL", e.Message);
    }

    [Fact]
    public void Inspect_lists_imports_with_their_core_types()
    {
        WasmModuleInfo info = WamrEngine.Inspect(CoreGuest.Bytes);
        ModuleImport add = Assert.Single(info.FunctionImports, i => i.Name == "add");
        Assert.Equal(CoreGuest.HostModule, add.Module);
        Assert.Equal(new FunctionType([WasmValueKind.I32, WasmValueKind.I32], [WasmValueKind.I32]), add.Type);
        ModuleImport scale = Assert.Single(info.FunctionImports, i => i.Name == "scale-f64");
        Assert.Equal(new FunctionType([WasmValueKind.F64, WasmValueKind.F32], [WasmValueKind.F64]), scale.Type);
        Assert.Contains(info.FunctionImports, i => i.Module == "wasi_snapshot_preview1");
        Assert.NotNull(info.MemoryLimits);
    }

    [Fact]
    public void Disposing_a_module_twice_is_harmless_and_live_instances_keep_working()
    {
        using var engine = new WamrEngine();
        var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate();
        module.Dispose();
        module.Dispose();
        Assert.Equal(7, instance.Invoke("add-i32", 3, 4)[0].AsInt32());
        Assert.Throws<ObjectDisposedException>(() => module.Instantiate());
    }
}
