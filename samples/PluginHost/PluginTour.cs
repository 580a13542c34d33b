using WitHost.Wamr;

namespace WitHost.Samples.PluginHost;

/// <summary>
/// Loads every .wasm of a folder as a plugin of the world in wit/plugin.wit, gives each its own
/// instance under a memory limit, calls <c>transform</c> on the same inputs, and reports per
/// plugin. A plugin that returns an error, traps or does not load is reported, and the others go on.
/// </summary>
public static class PluginTour
{
    /// <summary>The most linear memory a plugin instance may have: 16 pages of 64 KiB (1 MiB).</summary>
    public const uint MaxMemoryPages = 16;

    /// <summary>Where the sample's build puts the plugins: plugins/ beside the program.</summary>
    public static string DefaultFolder { get; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>What every plugin is asked to transform, in this order.</summary>
    public static IReadOnlyList<string> Inputs { get; } = ["Hello, WitHost", "route 66 to 世界", ""];

    public static void Run(TextWriter output, string folder)
    {
        // The limit is the module's: WAMR fixes a memory's maximum when it loads a module.
        var moduleOptions = new ModuleOptions { MaxMemoryPages = MaxMemoryPages };
        // A plugin that runs away (loops for ever) is stopped after a second: its call throws
        // WasmTimeoutException, a WasmTrapException, so it is reported and restarted like a trap.
        var instanceOptions = new InstanceOptions { StackSize = 32 * 1024, CallTimeout = TimeSpan.FromSeconds(1) };

        using var engine = new WamrEngine();
        string[] files = [.. Directory.GetFiles(folder, "*.wasm").Order(StringComparer.Ordinal)];
        output.WriteLine($"{files.Length} plugins in {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}/, each in its own instance with at most {MaxMemoryPages} pages ({MaxMemoryPages * 64} KiB) of memory and {instanceOptions.StackSize / 1024} KiB of stack");

        var plugins = new List<LoadedPlugin>();
        try
        {
            foreach (string file in files)
            {
                output.WriteLine();
                LoadedPlugin? plugin = Load(output, engine, file, moduleOptions, instanceOptions);
                if (plugin is not null)
                {
                    plugins.Add(plugin);
                    RunPlugin(output, plugin);
                }
            }

            output.WriteLine();
            output.WriteLine("Summary");
            foreach (LoadedPlugin plugin in plugins)
            {
                output.WriteLine($"  {plugin.File,-12} {plugin.Ok} ok, {plugin.Errors} err, {plugin.Traps} trap, {plugin.Log.Count} log");
            }
        }
        finally
        {
            foreach (LoadedPlugin plugin in plugins)
            {
                plugin.Dispose();
            }
        }
    }

    // A file that is not a module WAMR loads, or a module that lacks an export of the world (the
    // generated Instantiate looks every export up and names the missing one), is reported and skipped.
    private static LoadedPlugin? Load(TextWriter output, WamrEngine engine, string file, ModuleOptions moduleOptions, InstanceOptions instanceOptions)
    {
        string name = Path.GetFileName(file);
        WamrModule? module = null;
        try
        {
            module = engine.LoadModule(file, moduleOptions);
            var plugin = new LoadedPlugin(name, module, instanceOptions);
            output.WriteLine($"[{plugin.Guest.Name()}] {name}");
            return plugin;
        }
        catch (Exception e) when (e is WamrException or KeyNotFoundException)
        {
            module?.Dispose();
            output.WriteLine($"[?] {name} not loaded: {e.Message}");
            return null;
        }
    }

    private static void RunPlugin(TextWriter output, LoadedPlugin plugin)
    {
        foreach (string input in Inputs)
        {
            string call = $"  transform(\"{input}\")";
            try
            {
                Result<string, string> result = plugin.Guest.Transform(input);
                if (result.IsOk)
                {
                    plugin.Ok++;
                    output.WriteLine($"{call} = ok(\"{result.Value}\")");
                }
                else
                {
                    plugin.Errors++;
                    output.WriteLine($"{call} = err(\"{result.Error}\")");
                }
            }
            catch (WasmTrapException e)
            {
                plugin.Traps++;
                output.WriteLine($"{call} trapped: {e.TrapMessage}");
                // A trapped instance is faulted (its memory may be half-updated) and refuses
                // every further call; a fresh instance of the same module starts clean.
                plugin.Restart();
                output.WriteLine("    the host replaced the faulted instance with a fresh one");
            }
            foreach (string line in plugin.Log.TakePending())
            {
                output.WriteLine($"    {line}");
            }
        }
    }
}
