using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Values;

namespace WitHost.Abi.Tests;

/// <summary><see cref="DynamicHostImport"/> serving the abi-call guest's imports.</summary>
public sealed class DynamicHostImportTests
{
    [Fact]
    public void ArgumentsAreLiftedFromTheGuest()
    {
        var logged = new List<WitValue>();
        var imports = new HostImports()
            .Define("$root", "log", DynamicHostImport.Create(AbiCallGuest.Import("log"), arguments =>
            {
                logged.AddRange(arguments);
                return null;
            }));
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate(imports);

        DynamicExportCall.Invoke(instance, "call-log", AbiCallGuest.Export("call-log"), [new WitStringValue("h\u00e9llo \U0001F30D")]);

        Assert.Equal([new WitStringValue("h\u00e9llo \U0001F30D")], logged);
    }

    [Fact]
    public void AResultThatDoesNotFitOneValueIsWrittenThroughTheOutPointer()
    {
        var imports = new HostImports()
            .Define("$root", "host-name", DynamicHostImport.Create(AbiCallGuest.Import("host-name"), _ => new WitStringValue("WitHost \U0001F30D")));
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate(imports);

        var result = DynamicExportCall.Invoke(instance, "greet-host", AbiCallGuest.Export("greet-host"), []);

        Assert.Equal(new WitStringValue("hello, WitHost \U0001F30D"), result);
    }

    [Fact]
    public void AResultThatDoesNotFitItsTypeFailsTheCall()
    {
        var imports = new HostImports()
            .Define("$root", "host-name", DynamicHostImport.Create(AbiCallGuest.Import("host-name"), _ => new WitIntegerValue(5)));
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(AbiCallGuest.WasmPath);
        using var instance = module.Instantiate(imports);

        var trap = Assert.Throws<WasmTrapException>(() => DynamicExportCall.Invoke(instance, "greet-host", AbiCallGuest.Export("greet-host"), []));
        Assert.IsType<ArgumentException>(trap.InnerException);
    }
}
