using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>The abi-call test guest (tests/guests/abi-call.c) and its world (wit/abi-call.wit).</summary>
internal static class AbiCallGuest
{
    public static string WasmPath => RepositoryPaths.Under("tests/guests/abi-call.wasm");

    public static string WitPath => RepositoryPaths.Under("wit/abi-call.wit");

    public static WitWorld World { get; } = LoadWorld();

    public static WitFunction Import(string name)
        => World.Imports.OfType<WitWorldFunctionItem>().Single(item => item.Name == name).Function;

    public static WitFunction Export(string name)
        => World.Exports.OfType<WitWorldFunctionItem>().Single(item => item.Name == name).Function;

    private static WitWorld LoadWorld()
    {
        var resolution = WitResolver.ResolvePath(WitPath);
        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics));
        return resolution.Root!.FindWorld("abi-call")!;
    }
}
