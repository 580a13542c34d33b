using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary><see cref="DynamicHostImport"/> serving the abi-call guest's imports.</summary>
public sealed class DynamicHostImportTests
{
    private static readonly WitWorld World = LoadWorld();

    [Fact]
    public void ArgumentsAreLiftedFromTheGuest()
    {
        var logged = new List<WitValue>();
        var imports = new HostImports()
            .Define("$root", "log", DynamicHostImport.Create(Import("log"), arguments =>
            {
                logged.AddRange(arguments);
                return null;
            }));
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(RepositoryPaths.Under("tests/guests/abi-call.wasm"));
        using var instance = module.Instantiate(imports);

        DynamicExportCall.Invoke(instance, "call-log", Export("call-log"), [new WitStringValue("h\u00e9llo \U0001F30D")]);

        Assert.Equal([new WitStringValue("h\u00e9llo \U0001F30D")], logged);
    }

    [Fact]
    public void AResultThatDoesNotFitOneValueIsWrittenThroughTheOutPointer()
    {
        var imports = new HostImports()
            .Define("$root", "host-name", DynamicHostImport.Create(Import("host-name"), _ => new WitStringValue("WitHost \U0001F30D")));
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(RepositoryPaths.Under("tests/guests/abi-call.wasm"));
        using var instance = module.Instantiate(imports);

        var result = DynamicExportCall.Invoke(instance, "greet-host", Export("greet-host"), []);

        Assert.Equal(new WitStringValue("hello, WitHost \U0001F30D"), result);
    }

    [Fact]
    public void AResultThatDoesNotFitItsTypeFailsTheCall()
    {
        var imports = new HostImports()
            .Define("$root", "host-name", DynamicHostImport.Create(Import("host-name"), _ => new WitIntegerValue(5)));
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(RepositoryPaths.Under("tests/guests/abi-call.wasm"));
        using var instance = module.Instantiate(imports);

        var trap = Assert.Throws<WasmTrapException>(() => DynamicExportCall.Invoke(instance, "greet-host", Export("greet-host"), []));
        Assert.IsType<ArgumentException>(trap.InnerException);
    }

    private static WitFunction Import(string name)
        => World.Imports.OfType<WitWorldFunctionItem>().Single(item => item.Name == name).Function;

    private static WitFunction Export(string name)
        => World.Exports.OfType<WitWorldFunctionItem>().Single(item => item.Name == name).Function;

    private static WitWorld LoadWorld()
    {
        var resolution = WitResolver.ResolvePath(RepositoryPaths.Under("wit/abi-call.wit"));
        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics));
        return resolution.Root!.FindWorld("abi-call")!;
    }
}
