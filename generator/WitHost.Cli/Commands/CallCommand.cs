using System.CommandLine;
using System.Text;
using WitHost.Cli.Calls;
using WitHost.Wamr;
using WitHost.Wamr.Async;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Cli.Commands;

/// <summary>
/// <c>wit-host call &lt;guest.wasm&gt; --wit &lt;path&gt; [--world &lt;name&gt;] "&lt;export&gt;(&lt;WAVE args&gt;)"…</c>:
/// instantiates a guest on WAMR once, and for each call in turn lowers the WAVE arguments through
/// the Canonical ABI, calls the export, and prints the lifted result as WAVE (<c>()</c> when there
/// is none), one line per call.
/// </summary>
/// <remarks>
/// The export is named as the guest exports it (<c>ns:pkg/iface#func</c>, or a world function's
/// plain name); <c>iface#func</c> with the interface's short name also works. Imports are stubs
/// (<see cref="StubImports"/>); the guest's own resources work, with only the handles its results
/// handed out accepted back (<see cref="CallResources"/>). Exit codes: 0 success, 1 the guest or a
/// call failed, 2 bad usage (every call is parsed before the first runs); a guest that exits ends
/// the command with its status.
/// </remarks>
internal static class CallCommand
{
    public static Command Create(TextReader input)
    {
        var guest = new Argument<string>("guest") { Description = "The guest: a core module or a component (.wasm)" };
        var calls = new Argument<string[]>("calls")
        {
            Description = "Calls in one instance, in order: the export and its arguments in WAVE, e.g. \"reverse(\\\"hello\\\")\"; '-' reads calls from standard input, one per line",
            Arity = ArgumentArity.OneOrMore,
        };
        // Qualified: the runtime's WitHost.Option<T> (an option<T> value) would otherwise be found first.
        var wit = new System.CommandLine.Option<string>("--wit") { Description = "The WIT file or directory describing the guest", Required = true };
        var world = new System.CommandLine.Option<string?>("--world") { Description = "The world the guest implements (optional when the package has one)" };
        var encoding = new System.CommandLine.Option<string?>("--string-encoding") { Description = "utf8, utf16 or latin1+utf16 (default: a component's own for the export, else utf8)" };
        var guestOutput = new System.CommandLine.Option<string>("--guest-output") { Description = "Where the guest's stdout and stderr go: stderr (default: the command's standard error, so the result stays alone on standard output) or none", DefaultValueFactory = _ => "stderr" };
        var imports = new System.CommandLine.Option<string>("--imports") { Description = "What an import the guest calls does: trap (default: the call fails naming it) or default (returns its result type's default value)", DefaultValueFactory = _ => StubImports.Trap };
        var answers = new System.CommandLine.Option<string[]>("--import") { Description = "An import's answer, name=WAVE (e.g. host-name=\"x\", iface#func=42, log=() for one without result); may be repeated" };
        var timeout = new System.CommandLine.Option<double?>("--timeout") { Description = "Seconds each call may run: a synchronous call is stopped (a trap); an async export is told it is cancelled, as Ctrl+C does" };
        var command = new Command("call", "Call guest exports with WAVE arguments, in one instance, and print each result")
        {
            guest,
            calls,
            wit,
            world,
            encoding,
            guestOutput,
            imports,
            answers,
            timeout,
        };
        // An async action: Ctrl+C cancels the token, which an async export is told of.
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetValue(guest)!,
            parseResult.GetValue(wit)!,
            parseResult.GetValue(world),
            parseResult.GetValue(calls)!,
            parseResult.GetValue(encoding),
            parseResult.GetValue(guestOutput)!,
            parseResult.GetValue(imports)!,
            parseResult.GetValue(answers) ?? [],
            input,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            parseResult.GetValue(timeout),
            cancellationToken)));
        return command;
    }

    public static int Run(
        string guestPath,
        string witPath,
        string? worldName,
        IReadOnlyList<string> callTexts,
        string? encodingName,
        string guestOutputName,
        string importMode,
        IReadOnlyList<string> importAnswers,
        TextReader input,
        TextWriter output,
        TextWriter error,
        double? timeoutSeconds = null,
        CancellationToken cancellationToken = default)
    {
        TimeSpan? timeout = null;
        if (timeoutSeconds is { } seconds)
        {
            if (!(seconds > 0 && seconds <= InstanceOptions.MaxCallTimeout.TotalSeconds))
            {
                error.WriteLine($"error: --timeout takes a number of seconds more than 0 and at most {InstanceOptions.MaxCallTimeout.TotalSeconds:F0}; got {seconds}");
                return ExitCodes.Usage;
            }

            timeout = TimeSpan.FromSeconds(seconds);
        }

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

        if (importMode is not (StubImports.Trap or StubImports.Default))
        {
            error.WriteLine($"error: unknown --imports '{importMode}' (trap or default)");
            return ExitCodes.Usage;
        }

        if (WorldSelection.Select(witPath, worldName, error, out var exitCode) is not { } selectedWorld)
        {
            return exitCode;
        }

        var bindings = CoreWorldBindings.For(selectedWorld);
        if (ParseAnswers(bindings, importAnswers, error) is not { } answers)
        {
            return ExitCodes.Usage;
        }

        var resources = new CallResources(selectedWorld);
        var planned = new List<PlannedCall>();
        foreach (var text in ExpandCalls(callTexts, input))
        {
            if (Plan(text, selectedWorld, bindings, resources, error) is not { } call)
            {
                return ExitCodes.Usage;
            }

            planned.Add(call);
        }

        try
        {
            using var engine = new WamrEngine();
            using var module = engine.LoadModule(guestPath);
            var hostImports = new HostImports();
            // The async built-ins, with the stream and future ones of the world's functions.
            AsyncBuiltins.AddTo(hostImports, selectedWorld);
            StubImports.Define(hostImports, bindings, importMode, answers, requestedEncoding ?? StringEncoding.Utf8);
            resources.Define(hostImports);
            using var instance = module.Instantiate(hostImports, new InstanceOptions { Wasi = GuestStdio(guestOutputName, error), CallTimeout = timeout });
            foreach (var call in planned)
            {
                if (call.DroppedResource is { } resource)
                {
                    resources.Drop(instance, resource, ((WitHandleValue)call.Arguments[0]).Handle);
                    output.WriteLine("()");
                    continue;
                }

                var export = call.Export!;
                if (ExportEncoding(module, export.CoreName, export.Function, requestedEncoding, error) is not { } encoding)
                {
                    return ExitCodes.Failure;
                }

                var arguments = call.Arguments.Select((argument, i) => resources.Lower(export.Function.Parameters[i].Type, argument)).ToArray();
                WitValue? result;
                if (export.Function.IsAsync)
                {
                    var token = CallToken(cancellationToken, timeout);
                    // The bindings name an async export by its [async-lift] core name; the call takes the world's.
                    var task = DynamicAsyncExportCall.InvokeAsync(instance, ExportNames.WorldName(export), export.Function, arguments, encoding, token);
                    if (!Ended(task, token))
                    {
                        error.WriteLine($"error: {ExportNames.WorldName(export)} was cancelled and did not end its task within {s_cancelGrace.TotalSeconds:F0} s");
                        return ExitCodes.Failure;
                    }

                    result = task.GetAwaiter().GetResult();
                }
                else
                {
                    result = DynamicExportCall.Invoke(instance, export.CoreName, export.Function, arguments, encoding);
                }

                output.WriteLine(result is null ? "()" : WaveWriter.Write(resources.Lift(instance, export.CoreName, export.Function.Result!, result)));
            }

            return ExitCodes.Success;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("error: the call was cancelled (the guest ended its task cancelled)");
            return ExitCodes.Failure;
        }
        catch (UnknownHandleException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (WasmExitException exited)
        {
            // As a command that exits does: the later calls do not run, and the process ends with
            // the guest's status (one a process cannot carry, outside 0..255, is a failure).
            error.WriteLine($"exit: {exited.ExportName} exited with status {exited.Status}");
            return exited.Status is >= 0 and <= 255 ? exited.Status : ExitCodes.Failure;
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

    /// <summary>How long a cancelled async export has to end its task before the command gives up on it.</summary>
    private static readonly TimeSpan s_cancelGrace = TimeSpan.FromSeconds(2);

    /// <summary>The token of one async call: Ctrl+C's, and cancelled after <paramref name="timeout"/>.</summary>
    private static CancellationToken CallToken(CancellationToken interrupt, TimeSpan? timeout)
    {
        if (timeout is null)
        {
            return interrupt;
        }

        // Left to the finalizer: the command runs a few calls and exits.
        var source = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        source.CancelAfter(timeout.Value);
        return source.Token;
    }

    /// <summary>
    /// Waits for an async export's task. Cancelling its token tells the guest, which may then end
    /// the task cancelled, return anyway, or trap; a guest that does none of these within
    /// <see cref="s_cancelGrace"/> is given up on (false), so the command never hangs on it.
    /// </summary>
    private static bool Ended(Task call, CancellationToken token)
    {
        try
        {
            call.Wait(token);
        }
        catch (OperationCanceledException)
        {
            return ((IAsyncResult)call).AsyncWaitHandle.WaitOne(s_cancelGrace);
        }
        catch (AggregateException)
        {
            // The task failed: its exception is the call's, thrown where the result is read.
        }

        return true;
    }

    /// <summary>The calls in order, each <c>-</c> replaced by the lines of standard input (blank lines and <c>//</c> comments left out).</summary>
    private static IEnumerable<string> ExpandCalls(IReadOnlyList<string> callTexts, TextReader input)
    {
        foreach (var text in callTexts)
        {
            if (text != "-")
            {
                yield return text;
                continue;
            }

            while (input.ReadLine() is { } line)
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0 && !trimmed.StartsWith("//", StringComparison.Ordinal))
                {
                    yield return trimmed;
                }
            }
        }
    }

    /// <summary>Parses one call, or writes why it does not parse and returns null.</summary>
    private static PlannedCall? Plan(string text, WitWorld world, CoreWorldBindings bindings, CallResources resources, TextWriter error)
    {
        var open = text.IndexOf('(');
        if (open <= 0)
        {
            error.WriteLine($"error: expected <export>(<arguments>), e.g. \"reverse(\\\"hello\\\")\"; got '{text}'");
            return null;
        }

        var name = text[..open].Trim();
        CoreExportBinding? export = null;
        WitResourceType? dropped = null;
        IReadOnlyList<WitType> parameterTypes;
        if (DroppedResource(name, resources) is { } resource)
        {
            dropped = resource;
            parameterTypes = [new WitHandleType(WitHandleKind.Own, resource)];
        }
        else if (ExportNames.Find(bindings, name) is { } found)
        {
            if (StubImports.ChannelRefusal(name, found.Function) is { } refusal)
            {
                error.WriteLine("error: " + refusal);
                return null;
            }

            export = found;
            parameterTypes = found.Function.Parameters.Select(p => p.Type).ToArray();
        }
        else
        {
            var known = bindings.Exports.SelectMany(e => new[] { ExportNames.WorldName(e), ExportNames.ShortName(e) })
                .Concat(resources.Exported.Select(r => "[resource-drop]" + r.Resource.Name));
            error.WriteLine($"error: world {world.Name} exports no function '{name}'{WorldSelection.Suggestion(name, known)}; it exports: {string.Join(", ", bindings.Exports.Select(ExportNames.WorldName))}");
            return null;
        }

        try
        {
            return new PlannedCall(text, export, dropped, WaveParser.ParseArguments(text[open..], parameterTypes));
        }
        catch (WaveParseException exception)
        {
            error.WriteLine($"error: arguments of {export?.CoreName ?? name}: {exception.Reason} (at column {exception.Offset + open + 1} of the call)");
            return null;
        }
    }

    /// <summary>The exported resource <c>[resource-drop]r</c> or <c>iface#[resource-drop]r</c> names, if it names one.</summary>
    private static WitResourceType? DroppedResource(string name, CallResources resources)
    {
        foreach (var (itemName, resource) in resources.Exported)
        {
            var drop = "[resource-drop]" + resource.Name;
            if (name == drop
                || (itemName is not null && (name == itemName + "#" + drop || name == ExportNames.ShortInterfaceName(itemName) + "#" + drop)))
            {
                return resource;
            }
        }

        return null;
    }

    /// <summary>The <c>--import name=WAVE</c> answers by import, or null after writing what is wrong.</summary>
    private static Dictionary<CoreImportBinding, WitValue?>? ParseAnswers(CoreWorldBindings bindings, IReadOnlyList<string> importAnswers, TextWriter error)
    {
        var answers = new Dictionary<CoreImportBinding, WitValue?>();
        foreach (var answer in importAnswers)
        {
            var equals = answer.IndexOf('=');
            if (equals <= 0)
            {
                error.WriteLine($"error: --import expects name=WAVE, e.g. host-name=\"x\"; got '{answer}'");
                return null;
            }

            var name = answer[..equals].Trim();
            var import = bindings.Imports.FirstOrDefault(i => name == StubImports.ImportName(i) || name == StubImports.FullName(i));
            if (import is null)
            {
                var known = bindings.Imports.Select(StubImports.ImportName).ToArray();
                error.WriteLine($"error: the world imports no function '{name}'{WorldSelection.Suggestion(name, known)}; it imports: {(known.Length == 0 ? "none" : string.Join(", ", known))}");
                return null;
            }

            if (StubImports.ChannelRefusal(name, import.Function) is { } refusal)
            {
                error.WriteLine("error: --import " + refusal);
                return null;
            }

            var text = answer[(equals + 1)..].Trim();
            if (import.Function.Result is not { } resultType)
            {
                if (text is not ("" or "()"))
                {
                    error.WriteLine($"error: --import {name}: the function returns nothing, so its answer is ()");
                    return null;
                }

                answers[import] = null;
                continue;
            }

            try
            {
                answers[import] = WaveParser.Parse(text, resultType);
            }
            catch (WaveParseException exception)
            {
                error.WriteLine($"error: --import {name}: {exception.Reason} (at column {exception.Offset + 1} of the value, a {resultType})");
                return null;
            }
        }

        return answers;
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
