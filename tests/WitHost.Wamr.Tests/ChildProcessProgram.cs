using System.Diagnostics;

namespace WitHost.Wamr.Tests;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is turned off). Under the test
/// runner it is never called; <see cref="Run(string, string[])"/> starts the assembly as a child process for tests
/// that must watch a whole process: what reaches its own stdout and stderr.
/// </summary>
public static class ChildProcessProgram
{
    public static int Main(string[] args) => args switch
    {
        ["stdio", var mode] => StdioChild(mode),
        ["engine"] => EngineChild(),
        _ => 2,
    };

    /// <summary>Starts this assembly with <paramref name="args"/>, feeds it <paramref name="stdin"/> and returns what it wrote.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args) =>
        Run(stdin, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Run(string, string[])"/>, with <paramref name="environment"/> added to the child's environment.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string stdin, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(ChildProcessProgram).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The child process ({string.Join(' ', args)}) did not finish in 60 s.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// A host's first step, creating an engine (its first call into libiwasm): exit code 0, or 3
    /// with the exception's type and message on stderr when libiwasm cannot be loaded.
    /// </summary>
    private static int EngineChild()
    {
        try
        {
            using var engine = new WamrEngine();
            return 0;
        }
        catch (DllNotFoundException e)
        {
            Console.Error.WriteLine($"{e.GetType().FullName}: {e.Message}");
            return 3;
        }
    }

    /// <summary>
    /// A host that prints one line of its own and lets the guest print to stdout and stderr and echo
    /// stdin: with <c>default</c> no WASI options, with <c>inherit</c> all three streams inherited.
    /// </summary>
    private static int StdioChild(string mode)
    {
        var options = mode switch
        {
            "default" => InstanceOptions.Default,
            "inherit" => new InstanceOptions
            {
                Wasi = new WasiOptions { Stdin = WasiInput.Inherit, Stdout = WasiOutput.Inherit, Stderr = WasiOutput.Inherit },
            },
            _ => null,
        };
        if (options is null)
        {
            return 2;
        }
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Loadable);
        using var instance = module.Instantiate(options: options);
        int printed = instance.Invoke("print-both", 5)[0].AsInt32();
        int echoed = instance.Invoke("echo-stdin")[0].AsInt32();
        Console.Out.WriteLine($"host: printed {printed}, echoed {echoed}");
        return 0;
    }
}
