using System.CommandLine;
using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Cli.Commands;

/// <summary>
/// <c>wit-host call &lt;guest.wasm&gt; --wit &lt;path&gt; [--world &lt;name&gt;] "&lt;export&gt;(&lt;WAVE args&gt;)"</c>:
/// instantiates a core guest on WAMR, lowers the WAVE arguments through the Canonical ABI, calls
/// the export, and prints the lifted result as WAVE (<c>()</c> when there is none).
/// </summary>
/// <remarks>
/// The export is named as the guest exports it (<c>ns:pkg/iface#func</c>, or a world function's
/// plain name); <c>iface#func</c> with the interface's short name also works. The command serves
/// no imports (besides the WASI ones WAMR provides): a call that reaches one traps, and the trap
/// message names it. Exit codes: 0 success, 1 the WIT, the guest or the call failed, 2 bad usage.
/// </remarks>
internal static class CallCommand
{
    public static Command Create()
    {
        var guest = new Argument<string>("guest") { Description = "The core guest module (.wasm)" };
        var call = new Argument<string>("call") { Description = "The export and its arguments in WAVE, e.g. \"reverse(\\\"hello\\\")\"" };
        var wit = new Option<string>("--wit") { Description = "The WIT file or directory describing the guest", Required = true };
        var world = new Option<string?>("--world") { Description = "The world the guest implements (optional when the package has one)" };
        var encoding = new Option<string>("--string-encoding") { Description = "utf8 (default), utf16 or latin1+utf16", DefaultValueFactory = _ => "utf8" };
        var command = new Command("call", "Call a guest export with WAVE arguments and print the result")
        {
            guest,
            call,
            wit,
            world,
            encoding,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(guest)!,
            parseResult.GetValue(wit)!,
            parseResult.GetValue(world),
            parseResult.GetValue(call)!,
            parseResult.GetValue(encoding)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string guestPath, string witPath, string? worldName, string call, string encodingName, TextWriter output, TextWriter error)
    {
        if (ParseEncoding(encodingName) is not { } encoding)
        {
            error.WriteLine($"error: unknown string encoding '{encodingName}' (utf8, utf16 or latin1+utf16)");
            return 2;
        }

        var open = call.IndexOf('(');
        if (open <= 0)
        {
            error.WriteLine($"error: expected <export>(<arguments>), e.g. \"reverse(\\\"hello\\\")\"; got '{call}'");
            return 2;
        }

        var resolution = WitResolver.ResolvePath(witPath);
        foreach (var diagnostic in resolution.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (resolution.HasErrors || resolution.Root is null)
        {
            return 1;
        }

        if (FindWorld(resolution.Root, worldName, error) is not { } selectedWorld)
        {
            return 1;
        }

        var exportName = call[..open].Trim();
        if (FindExport(selectedWorld, exportName) is not var (coreName, function))
        {
            error.WriteLine($"error: world {selectedWorld.Name} exports no function '{exportName}'; it exports: {string.Join(", ", Exports(selectedWorld).Select(e => e.CoreName))}");
            return 1;
        }

        IReadOnlyList<WitValue> arguments;
        try
        {
            arguments = WaveParser.ParseArguments(call[open..], function.Parameters.Select(p => p.Type).ToArray());
        }
        catch (WaveParseException exception)
        {
            error.WriteLine($"error: arguments of {coreName}: {exception.Reason} (at column {exception.Offset + open + 1} of the call)");
            return 2;
        }

        try
        {
            using var engine = new WamrEngine();
            using var module = engine.LoadModule(guestPath);
            using var instance = module.Instantiate();
            var result = DynamicExportCall.Invoke(instance, coreName, function, arguments, encoding);
            output.WriteLine(result is null ? "()" : WaveWriter.Write(result));
            return 0;
        }
        catch (WasmTrapException trap)
        {
            error.WriteLine($"trap: {trap.TrapMessage}");
            return 1;
        }
        catch (WamrException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return 1;
        }
        catch (IOException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }

    private static WitWorld? FindWorld(WitPackage package, string? name, TextWriter error)
    {
        if (name is not null)
        {
            var world = package.FindWorld(name);
            if (world is null)
            {
                error.WriteLine($"error: package {package.Name} has no world '{name}'; it has: {string.Join(", ", package.Worlds.Select(w => w.Name))}");
            }

            return world;
        }

        if (package.Worlds.Count == 1)
        {
            return package.Worlds[0];
        }

        error.WriteLine($"error: package {package.Name} has {package.Worlds.Count} worlds; choose one with --world ({string.Join(", ", package.Worlds.Select(w => w.Name))})");
        return null;
    }

    private static (string CoreName, WitFunction Function)? FindExport(WitWorld world, string name)
    {
        foreach (var (coreName, shortName, function) in Exports(world))
        {
            if (name == coreName || name == shortName)
            {
                return (coreName, function);
            }
        }

        return null;
    }

    private static IEnumerable<(string CoreName, string ShortName, WitFunction Function)> Exports(WitWorld world)
    {
        foreach (var item in world.Exports)
        {
            switch (item)
            {
                case WitWorldFunctionItem functionItem:
                    var name = CoreNames.Export(null, functionItem.Function);
                    yield return (name, name, functionItem.Function);
                    break;
                case WitWorldInterfaceItem interfaceItem:
                    foreach (var function in interfaceItem.Interface.Functions)
                    {
                        yield return (CoreNames.Export(interfaceItem.Name, function), interfaceItem.Interface.Name + "#" + function.ExternalName, function);
                    }

                    break;
            }
        }
    }

    private static StringEncoding? ParseEncoding(string name) => name switch
    {
        "utf8" => StringEncoding.Utf8,
        "utf16" => StringEncoding.Utf16,
        "latin1+utf16" => StringEncoding.Latin1Utf16,
        _ => null,
    };
}
