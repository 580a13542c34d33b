using WitHost.CrossCheck.Tests;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Components;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Tests;

/// <summary>
/// Component files of the project's guests (made by jco at test time) load as their main core
/// module, with the canon options, the import wiring and the WIT the component carries.
/// </summary>
public sealed class ComponentLoadTests
{
    [Fact]
    public void LoadModule_tells_a_component_from_a_core_module_by_its_layer()
    {
        using var engine = new WamrEngine();
        using var component = engine.LoadModule(TestComponents.Roundtrip.Bytes);
        using var core = engine.LoadModule(CoreGuest.Loadable);
        Assert.NotNull(component.Component);
        Assert.Null(core.Component);
        // The module WAMR runs is the component's main module: the guest's own exports.
        Assert.Contains(component.Info.Exports, e => e.Name == "cabi_realloc");
    }

    [Fact]
    public void LoadComponent_refuses_a_core_module_by_name()
    {
        using var engine = new WamrEngine();
        var e = Assert.Throws<ComponentLoadException>(() => engine.LoadComponent(CoreGuest.Bytes));
        Assert.Contains("core module", e.Message);
    }

    [Fact]
    public void A_component_with_the_adapter_serves_wasi_from_wamr_and_lowers_the_rest()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(TestComponents.Sample.Bytes);
        GuestComponent component = module.Component!;

        Assert.True(component.HasWasiAdapter);
        Assert.Equal(4, component.CoreModuleCount); // main, adapter, shim, fixup
        Assert.Equal(module.Info.FunctionImports.Count, component.Imports.Count);

        ComponentImportBinding log = Assert.Single(component.Imports, i => i.CoreName == "log-str");
        Assert.Equal(new ComponentImportBinding("example:sample/logging", "log-str", "example:sample/logging", "log-str",
            new CanonOptions(StringEncoding.Utf8, null, null), ComponentImportKind.Function), log);
        ComponentImportBinding hostName = Assert.Single(component.Imports, i => i.CoreName == "host-name");
        Assert.Equal(("$root", "host-name", "cabi_realloc"), (hostName.ComponentImport, hostName.Function, hostName.Options.Realloc));
        Assert.All(component.Imports.Where(i => i.CoreModule == "wasi_snapshot_preview1"), i => Assert.Equal(ComponentImportKind.WasiPreview1, i.Kind));
        Assert.Contains(component.Imports, i => i.Kind == ComponentImportKind.WasiPreview1);

        CanonOptions reverse = component.Exports["example:sample/strings#reverse"];
        Assert.Equal(new CanonOptions(StringEncoding.Utf8, "cabi_realloc", "cabi_post_example:sample/strings#reverse"), reverse);
        Assert.Equal(new CanonOptions(StringEncoding.Utf8, null, null), component.Exports["example:sample/booleans#and"]);
        Assert.Equal(
            module.Info.Exports.Count(e => (e.Name.Contains('#') || e.Name is "void-func" or "ok-func" or "greet-host") && !e.Name.StartsWith("cabi_post_", StringComparison.Ordinal)),
            component.Exports.Count);
    }

    [Fact]
    public void Export_names_map_world_names_to_the_lifted_core_exports()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(TestComponents.Sample.Bytes);
        GuestComponent component = module.Component!;
        Assert.Equal(component.Exports.Count, component.ExportNames.Count);
        Assert.All(component.ExportNames, pair => Assert.Equal(pair.Key, pair.Value));
        Assert.Equal("example:sample/strings#reverse", component.ExportNames["example:sample/strings#reverse"]);
        Assert.Equal("greet-host", component.ExportNames["greet-host"]);
    }

    [Fact]
    public void A_component_that_renames_its_wiring_runs_under_the_world_names()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(ComponentBytes.RenamingComponent());
        GuestComponent component = module.Component!;
        Assert.Equal("impl-f", component.ExportNames["f"]);
        Assert.Equal(new ComponentImportBinding("my-mod", "my-g", "example:x/y", "g", new CanonOptions(StringEncoding.Utf8, null, null), ComponentImportKind.Function),
            Assert.Single(component.Imports));

        int calls = 0;
        var imports = new Hosting.HostImports().Define("example:x/y", "g", _ => calls++);
        using var instance = module.Instantiate(imports);
        instance.Invoke("f");
        Assert.Equal(1, calls);
        Assert.Contains("export f: func();", component.WitText);
    }

    [Fact]
    public void An_async_built_in_wired_under_another_core_name_is_served_as_the_component_says()
    {
        // The main module imports canon waitable-set.new as 'm' 'new-set': the runtime serves it
        // as '$root' '[waitable-set-new]', and f returns the new set's handle (the first is 1).
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(ComponentBytes.BuiltinComponent([0x1f], "m", "new-set"));
        Assert.Equal(new ComponentImportBinding("m", "new-set", "$root", "[waitable-set-new]", new CanonOptions(StringEncoding.Utf8, null, null), ComponentImportKind.AsyncBuiltin),
            Assert.Single(module.Component!.Imports));
        using var instance = module.Instantiate(Async.AsyncBuiltins.AddTo(new Hosting.HostImports()));
        Assert.Equal(1u, instance.Invoke("f")[0].AsUInt32());
        Assert.Equal(2u, instance.Invoke("f")[0].AsUInt32());
    }

    [Fact]
    public void A_component_without_the_adapter_has_no_wasi_imports()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(TestComponents.Roundtrip.Bytes);
        Assert.False(module.Component!.HasWasiAdapter);
        Assert.DoesNotContain(module.Component.Imports, i => i.Kind == ComponentImportKind.WasiPreview1);
    }

    [Theory]
    [InlineData("utf16", StringEncoding.Utf16)]
    [InlineData("latin1", StringEncoding.Latin1Utf16)]
    [InlineData("sample", StringEncoding.Utf8)]
    public void Canon_options_carry_the_components_string_encoding(string name, StringEncoding encoding)
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(TestComponents.ByName(name).Bytes);
        // wit-component gives string-encoding only to functions that move strings (and so need
        // realloc or post-return); a function like `call-host-badly: func()` keeps the default.
        var moving = module.Component!.Exports.Values.Where(o => o.Realloc is not null || o.PostReturn is not null).ToList();
        Assert.True(moving.Count >= 3);
        Assert.All(moving, o => Assert.Equal(encoding, o.Encoding));
        Assert.All(module.Component.Imports.Where(i => i.Kind == ComponentImportKind.Function), i => Assert.Equal(encoding, i.Options.Encoding));
    }

    [Fact]
    public void Imported_resource_built_ins_name_their_resource()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(TestComponents.Resources.Bytes);
        ComponentImportBinding drop = Assert.Single(module.Component!.Imports, i => i.CoreName == "[resource-drop]blob");
        Assert.Equal(ComponentImportKind.ResourceDrop, drop.Kind);
        Assert.Equal("[resource-drop]blob", drop.Function);
        Assert.Equal(drop.CoreModule, drop.ComponentImport);
        Assert.Contains(module.Component.Imports, i => i.Kind == ComponentImportKind.ResourceNew && i.CoreModule.StartsWith("[export]", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestComponents.Names), MemberType = typeof(TestComponents))]
    public void The_decoded_world_is_jcos_and_resolves_with_its_interfaces(string name)
    {
        JcoComponent component = TestComponents.ByName(name);
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(component.Bytes);
        string wit = module.Component!.WitText!;

        // jco prints the root package (the world); ours goes on with the interfaces it names.
        Assert.StartsWith(component.JcoWit.TrimEnd('\n') + "\n", wit);
        WitResolution resolution = WitResolver.ResolveText(wit, "decoded.wit");
        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics) + "\n" + wit);
    }
}
