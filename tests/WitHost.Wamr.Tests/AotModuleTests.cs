using System.Buffers.Binary;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Aot;
using WitHost.Wamr.Components;

namespace WitHost.Wamr.Tests;

/// <summary>
/// Modules compiled ahead of time (AotCompiler, WAMR's compiler over LLVM): they run the same
/// guest as the interpreter does, and a file WAMR would load wrongly is refused with a message
/// before WAMR sees it. Every other end-to-end test runs the guests compiled too under
/// WITHOST_TEST_GUEST_MODE=aot (GuestMode).
/// </summary>
public sealed class AotModuleTests : IDisposable
{
    private static readonly Lazy<byte[]> s_coreAot = new(() => GuestMode.Compile(CoreGuest.Bytes));

    private readonly WamrEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void A_compiled_module_runs_natively_with_the_wasm_modules_imports_and_exports()
    {
        using WamrModule module = _engine.LoadModule(s_coreAot.Value);
        Assert.True(module.IsAheadOfTimeCompiled);
        Assert.Equal(WamrEngine.Inspect(CoreGuest.Bytes).Exports, module.Info.Exports);

        using WamrInstance instance = module.Instantiate(CoreGuest.DefaultImports(addOffset: 100));
        Assert.Equal(int.MinValue, instance.Invoke("add-i32", int.MaxValue, 1)[0].AsInt32());
        // Through the host import: the compiled code calls back into .NET.
        Assert.Equal(1030, instance.Invoke("call-host-add", 1, 2)[0].AsInt32());
    }

    [Fact]
    public void The_interpreted_module_is_not_marked_compiled()
    {
        using WamrModule module = _engine.LoadModule(CoreGuest.Bytes);
        Assert.False(module.IsAheadOfTimeCompiled);
    }

    [Fact]
    public void The_header_names_the_architecture_it_was_compiled_for()
    {
        AotImage image = AotImage.Read(s_coreAot.Value);
        Assert.Equal(AotImage.SupportedVersion, image.Version);
        Assert.StartsWith(AotImage.ProcessArchitecture!, image.Architecture);
        Assert.True(image.HasOriginal);
    }

    [Fact]
    public void A_file_for_another_architecture_is_refused_naming_both()
    {
        string other = AotImage.ProcessArchitecture == "aarch64" ? "x86_64" : "aarch64";
        byte[] foreign = GuestMode.Compile(CoreGuest.Bytes, other);

        var e = Assert.Throws<WasmModuleLoadException>(() => _engine.LoadModule(foreign));
        Assert.Contains($"compiled for {other}", e.Message);
        Assert.Contains($"runs on {AotImage.ProcessArchitecture}", e.Message);
    }

    [Fact]
    public void Another_format_version_is_refused_with_the_one_this_runtime_loads()
    {
        byte[] bytes = s_coreAot.Value.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 4);

        var e = Assert.Throws<WasmModuleLoadException>(() => _engine.LoadModule(bytes));
        Assert.Contains("format version 4", e.Message);
        Assert.Contains("loads version 3", e.Message);
    }

    [Fact]
    public void A_file_without_the_original_wasm_is_refused()
    {
        // What a plain wamrc writes: WAMR's sections without WitHost's.
        byte[] bytes = s_coreAot.Value[..^(12 + CoreGuest.Bytes.Length)];

        var e = Assert.Throws<WasmModuleLoadException>(() => _engine.LoadModule(bytes));
        Assert.Contains("does not carry the wasm it was compiled from", e.Message);
    }

    [Fact]
    public void Truncated_files_are_refused_never_loaded()
    {
        byte[] bytes = s_coreAot.Value;
        foreach (int length in new[] { 4, 8, 20, 60, bytes.Length / 3, bytes.Length / 2, bytes.Length - 1 })
        {
            Assert.ThrowsAny<WasmModuleLoadException>(() => _engine.LoadModule(bytes[..length]));
        }
    }

    [Fact]
    public void A_memory_limit_applies_to_compiled_code()
    {
        uint declared = WamrEngine.Inspect(CoreGuest.Bytes).MemoryLimits!.Value.MinimumPages;
        using WamrModule module = _engine.LoadModule(s_coreAot.Value, new ModuleOptions { MaxMemoryPages = declared + 1 });
        using WamrInstance instance = module.Instantiate(CoreGuest.DefaultImports());

        Assert.Equal((int)declared, instance.Invoke("memory-grow", 1u)[0].AsInt32());
        Assert.Equal(-1, instance.Invoke("memory-grow", 1u)[0].AsInt32());
    }

    [Fact]
    public void A_component_compiled_ahead_of_time_loads_as_that_component()
    {
        JcoComponent component = TestComponents.Roundtrip;
        byte[] compiled = GuestMode.Compile(component.Bytes);

        using WamrModule module = _engine.LoadComponent(compiled);
        Assert.True(module.IsAheadOfTimeCompiled);
        Assert.NotNull(module.Component);
        using WamrModule interpreted = _engine.LoadComponent(component.Bytes);
        Assert.Equal(interpreted.Info.Exports, module.Info.Exports);

        var e = Assert.Throws<ComponentLoadException>(() => _engine.LoadComponent(s_coreAot.Value));
        Assert.Contains("compiled from a core module", e.Message);
    }

    [Fact]
    public void A_module_the_compiler_refuses_is_an_error_with_wamrs_message()
    {
        var e = Assert.Throws<AotCompilationException>(() => GuestMode.Compile("\0asm\x01\0\0\0\x01"u8.ToArray()));
        Assert.Contains("does not load", e.Message);
    }
}
