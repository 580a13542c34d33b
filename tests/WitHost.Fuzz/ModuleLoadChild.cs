using WitHost.Wamr;

namespace WitHost.Fuzz;

/// <summary>
/// The child side of <see cref="ModuleFuzzer"/>: loads and instantiates each module of a folder,
/// from a given file on in name order, and says on stdout where it is and how each ended. The
/// parent counts a child that dies between "begin" and "end" as a crash of that module.
/// </summary>
public static class ModuleLoadChild
{
    public const string Command = "load-batch";

    public const string Prefix = "withost-fuzz: ";

    /// <summary>
    /// Instances get at most 16 MiB of memory: a mutated module may ask for 4 GiB, which WAMR
    /// would allocate. The reactor initialiser is not run: what a guest does when it runs is the
    /// engine's business (and a mutated one may loop), not the loader's.
    /// </summary>
    private static readonly ModuleOptions Limits = new() { MaxMemoryPages = 256 };

    private static readonly InstanceOptions Instance = new() { RunReactorInitializer = false };

    public static int Run(string directory, string firstName)
    {
        using var engine = new WamrEngine();
        foreach (string path in Directory.GetFiles(directory, "*.wasm").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (string.CompareOrdinal(name, firstName) < 0)
            {
                continue;
            }
            Say($"begin {name}");
            Say($"end {name} {Load(engine, File.ReadAllBytes(path))}");
        }
        return 0;
    }

    private static string Load(WamrEngine engine, byte[] bytes)
    {
        try
        {
            using var module = engine.LoadModule(bytes, Limits);
            using var instance = module.Instantiate(options: Instance);
            return "instantiated";
        }
        catch (WasmModuleLoadException e)
        {
            // The runtime's own reader refuses malformed modules before WAMR sees them; WAMR's
            // loader validates the rest.
            return e.Message.StartsWith("The module is malformed", StringComparison.Ordinal) ? "refused-by-reader" : "refused-by-wamr";
        }
        catch (WasmInstantiationException)
        {
            return "refused-instantiation";
        }
        catch (Exception e)
        {
            return $"unexpected {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";
        }
    }

    private static void Say(string line)
    {
        Console.Out.WriteLine(Prefix + line);
        Console.Out.Flush();
    }
}
