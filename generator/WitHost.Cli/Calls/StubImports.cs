using WitHost.Wamr;
using WitHost.Wamr.Async;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Cli.Calls;

/// <summary>
/// Serves every import of the world for <c>wit-host call</c>: with the answer given by
/// <c>--import name=WAVE</c> when there is one, else as <c>--imports</c> says: <c>trap</c> (the call
/// fails naming the import) or <c>default</c> (the result type's default value, nothing for a
/// function without result).
/// </summary>
internal static class StubImports
{
    public const string Trap = "trap";

    public const string Default = "default";

    public static void Define(HostImports imports, CoreWorldBindings bindings, string mode, IReadOnlyDictionary<CoreImportBinding, WitValue?> answers, StringEncoding encoding)
    {
        foreach (var import in bindings.Imports)
        {
            Func<IReadOnlyList<WitValue>, WitValue?> implementation;
            if (ChannelRefusal(FullName(import), import.Function) is { } refusal)
            {
                // Served as a clear failure whatever --imports says: as a number, a stream or future
                // the guest passes would stay in its table, and one returned would be a handle of its own.
                implementation = _ => throw new NotSupportedException("import " + refusal);
            }
            else if (answers.TryGetValue(import, out var answer))
            {
                implementation = _ => answer;
            }
            else if (mode == Default)
            {
                // Made up on first use: a function returning a handle has no default, which is only
                // an error if the guest calls it.
                implementation = _ => import.Function.Result is { } result ? DefaultValues.For(result) : null;
            }
            else
            {
                implementation = _ => throw new InvalidOperationException(
                    $"import {import.CoreName} is not served (--imports trap); serve it with --imports default or --import {ImportName(import)}=<WAVE>");
            }

            if (import.Function.IsAsync)
            {
                // Answered at once: the guest sees RETURNED, with no subtask to wait for.
                var lowered = DynamicHostImport.CreateAsync(import.Function, (arguments, _) => ValueTask.FromResult(implementation(arguments)), encoding);
                imports.DefineAsync(import.CoreName.Module, import.CoreName.Name[CoreNames.AsyncLowerPrefix.Length..], lowered);
                continue;
            }

            imports.Define(import.CoreName.Module, import.CoreName.Name, DynamicHostImport.Create(import.Function, implementation, encoding));
        }
    }

    /// <summary>
    /// Why the command can neither call nor serve <paramref name="function"/> (named
    /// <paramref name="name"/>), naming the streams and futures its type holds; null when it holds none.
    /// </summary>
    public static string? ChannelRefusal(string name, WitFunction function)
    {
        var channels = CoreAsyncBuiltins.Channels(function);
        return channels.Count == 0
            ? null
            : $"{name} passes {string.Join(" and ", channels.Select(channel => channel.ToString()).Distinct())}, and wit-host call has no streams or futures to give or read (they have no WAVE form)";
    }

    /// <summary>The name <c>--import</c> takes for <paramref name="import"/>: a world function's own name, an interface function's <c>iface#func</c>.</summary>
    public static string ImportName(CoreImportBinding import)
        => import.InterfaceItemName is null ? import.Function.ExternalName : ExportNames.ShortInterfaceName(import.InterfaceItemName) + "#" + import.Function.ExternalName;

    /// <summary>The full name of <paramref name="import"/>: <c>ns:pkg/iface#func</c>, or a world function's own name.</summary>
    public static string FullName(CoreImportBinding import)
        => import.InterfaceItemName is null ? import.Function.ExternalName : import.InterfaceItemName + "#" + import.Function.ExternalName;
}
