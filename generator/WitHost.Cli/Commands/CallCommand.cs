using System.CommandLine;
using System.Text;
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
        var guest = new Argument<string>("guest") { Description = "The guest: a core module or a component (.wasm)" };
        var call = new Argument<string>("call") { Description = "The export and its arguments in WAVE, e.g. \"reverse(\\\"hello\\\")\"" };
        // Qualified: the runtime's WitHost.Option<T> (an option<T> value) would otherwise be found first.
        var wit = new System.CommandLine.Option<string>("--wit") { Description = "The WIT file or directory describing the guest", Required = true };
        var world = new System.CommandLine.Option<string?>("--world") { Description = "The world the guest implements (optional when the package has one)" };
        var encoding = new System.CommandLine.Option<string?>("--string-encoding") { Description = "utf8, utf16 or latin1+utf16 (default: a component's own for the export, else utf8)" };
        var guestOutput = new System.CommandLine.Option<string>("--guest-output") { Description = "Where the guest's stdout and stderr go: stderr (default: the command's standard error, so the result stays alone on standard output) or none", DefaultValueFactory = _ => "stderr" };
        var command = new Command("call", "Call a guest export with WAVE arguments and print the result")
        {
            guest,
            call,
            wit,
            world,
            encoding,
            guestOutput,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(guest)!,
            parseResult.GetValue(wit)!,
            parseResult.GetValue(world),
            parseResult.GetValue(call)!,
            parseResult.GetValue(encoding),
            parseResult.GetValue(guestOutput)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string guestPath, string witPath, string? worldName, string call, string? encodingName, string guestOutputName, TextWriter output, TextWriter error)
    {
        StringEncoding? requestedEncoding = null;
        if (encodingName is not null && (requestedEncoding = ParseEncoding(encodingName)) is null)
        {
            error.WriteLine($"error: unknown string encoding '{encodingName}' (utf8, utf16 or latin1+utf16)");
            return ExitCodes.Usage;
        }

        if (guestOutputName is not ("stderr" or "none"))
        {
            error.WriteLine($"error: unknown guest output '{guestOutputName}' (stderr or none)");
            return ExitCodes.Usage;
        }

        var open = call.IndexOf('(');
        if (open <= 0)
        {
            error.WriteLine($"error: expected <export>(<arguments>), e.g. \"reverse(\\\"hello\\\")\"; got '{call}'");
            return ExitCodes.Usage;
        }

        if (WorldSelection.Select(witPath, worldName, error, out var exitCode) is not { } selectedWorld)
        {
            return exitCode;
        }

        var exportName = call[..open].Trim();
        var bindings = CoreWorldBindings.For(selectedWorld);
        if (FindExport(bindings, exportName) is not { } export)
        {
            var known = bindings.Exports.SelectMany(e => new[] { e.CoreName, ShortName(e) });
            error.WriteLine($"error: world {selectedWorld.Name} exports no function '{exportName}'{WorldSelection.Suggestion(exportName, known)}; it exports: {string.Join(", ", bindings.Exports.Select(e => e.CoreName))}");
            return ExitCodes.Usage;
        }

        var (coreName, function) = (export.CoreName, export.Function);
        IReadOnlyList<WitValue> arguments;
        try
        {
            arguments = WaveParser.ParseArguments(call[open..], function.Parameters.Select(p => p.Type).ToArray());
        }
        catch (WaveParseException exception)
        {
            error.WriteLine($"error: arguments of {coreName}: {exception.Reason} (at column {exception.Offset + open + 1} of the call)");
            return ExitCodes.Usage;
        }

        try
        {
            using var engine = new WamrEngine();
            using var module = engine.LoadModule(guestPath);
            using var instance = module.Instantiate(options: new InstanceOptions { Wasi = GuestStdio(guestOutputName, error) });
            if (ExportEncoding(module, coreName, function, requestedEncoding, error) is not { } encoding)
            {
                return ExitCodes.Failure;
            }

            var result = DynamicExportCall.Invoke(instance, coreName, function, arguments, encoding);
            output.WriteLine(result is null ? "()" : WaveWriter.Write(result));
            return ExitCodes.Success;
        }
        catch (WasmTrapException trap)
        {
            error.WriteLine($"trap: {trap.TrapMessage}");
            return ExitCodes.Failure;
        }
        catch (WamrException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
        catch (IOException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// The guest's standard streams: no input, and its output either dropped or written to the
    /// command's standard error, where a guest author's print debugging shows without mixing into
    /// the result on standard output.
    /// </summary>
    private static WasiOptions GuestStdio(string guestOutputName, TextWriter error)
    {
        if (guestOutputName == "none")
        {
            return new WasiOptions();
        }

        // The guest's bytes arrive in chunks that may split a UTF-8 sequence: one decoder keeps such
        // sequences whole. Both streams share the one sink, whose chunks the runtime delivers one
        // at a time, so the decoder is never used by two threads at once.
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
        void Forward(ReadOnlySpan<byte> bytes)
        {
            var chars = new char[decoder.GetCharCount(bytes, flush: false)];
            decoder.GetChars(bytes, chars, flush: false);
            error.Write(chars);
        }

        var sink = WasiOutput.ToCallback(Forward);
        return new WasiOptions { Stdout = sink, Stderr = sink };
    }

    private static CoreExportBinding? FindExport(CoreWorldBindings bindings, string name)
    {
        foreach (var export in bindings.Exports)
        {
            if (name == export.CoreName || name == ShortName(export))
            {
                return export;
            }
        }

        return null;
    }

    /// <summary>The core name, or for an interface's function the shorter <c>iface#func</c>.</summary>
    private static string ShortName(CoreExportBinding export)
        => export.InterfaceItemName is null ? export.CoreName : ShortInterfaceName(export.InterfaceItemName) + "#" + export.Function.ExternalName;

    private static string ShortInterfaceName(string itemName)
    {
        var slash = itemName.IndexOf('/');
        var at = itemName.IndexOf('@');
        return slash < 0 ? itemName : at < 0 ? itemName[(slash + 1)..] : itemName[(slash + 1)..at];
    }

    /// <summary>
    /// The string encoding of the call: a component's canon option for an export that passes
    /// strings, which the requested one must then equal (a host that lowers in another encoding
    /// than the guest lifts would hand it garbage), else the requested one (utf8 when none).
    /// </summary>
    private static StringEncoding? ExportEncoding(WamrModule module, string coreName, WitFunction function, StringEncoding? requested, TextWriter error)
    {
        if (module.Component is not { } component || !CoreWorldContract.PassesStrings(function))
        {
            return requested ?? StringEncoding.Utf8;
        }

        if (component.OptionsForExport(coreName) is not { } options)
        {
            return requested ?? StringEncoding.Utf8;
        }

        if (requested is { } encoding && encoding != options.Encoding)
        {
            error.WriteLine($"error: the component lifts {coreName} with string encoding {options.Encoding}, not {encoding}");
            return null;
        }

        return options.Encoding;
    }

    private static StringEncoding? ParseEncoding(string name) => name switch
    {
        "utf8" => StringEncoding.Utf8,
        "utf16" => StringEncoding.Utf16,
        "latin1+utf16" => StringEncoding.Latin1Utf16,
        _ => null,
    };
}
