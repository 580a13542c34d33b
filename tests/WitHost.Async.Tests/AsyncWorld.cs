using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Async.Tests;

/// <summary>The world of the async guest, wit/async.wit, resolved by the WIT front end.</summary>
internal static class AsyncWorld
{
    private static readonly Lazy<WitWorld> s_world = new(() =>
    {
        var resolution = WitResolver.ResolvePath(Path.Combine(AppContext.BaseDirectory, "wit", "async.wit"));
        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics));
        return resolution.Root!.FindWorld("async-guest")!;
    });

    public static WitWorld World => s_world.Value;

    /// <summary>Function <paramref name="name"/> of the exported interface <paramref name="interfaceName"/>.</summary>
    public static WitFunction Export(string interfaceName, string name) =>
        World.Exports.OfType<WitWorldInterfaceItem>().Single(i => i.Interface.Name == interfaceName).Interface.Functions.Single(f => f.Name == name);
}
