using System.Diagnostics;
using WitHost.Wamr.Components;

namespace WitHost.Wamr.Aot;

/// <summary>
/// Compiles wasm ahead of time into WAMR AOT files, which <see cref="WamrEngine.LoadModule(ReadOnlySpan{byte}, ModuleOptions?)"/>
/// runs as native code. It runs <c>withost-aotc</c>, the driver over WAMR's LLVM compiler that
/// <c>runtime-wamr/native/build-aot-compiler.sh</c> builds (docs/native.md, "AOT"); loading and
/// running the result needs neither the driver nor LLVM.
/// </summary>
public static class AotCompiler
{
    /// <summary>The driver's file name.</summary>
    public const string DriverName = "withost-aotc";

    /// <summary>The environment variable that names the driver's path.</summary>
    public const string DriverPathVariable = "WITHOST_AOTC_PATH";

    /// <summary>
    /// The driver to run. When null: <c>WITHOST_AOTC_PATH</c>, then <c>withost-aotc</c> beside the
    /// application, then on <c>PATH</c>.
    /// </summary>
    public static string? DriverPath { get; set; }

    /// <summary>
    /// Compiles a core module, or a component's main core module, to an AOT file for this
    /// machine's CPU or for <paramref name="target"/> (an architecture as WAMR names it:
    /// <c>x86_64</c>, <c>aarch64</c>, ...). The file also carries <paramref name="wasm"/>, from
    /// which the runtime reads the imports, exports and, for a component, its canon options and WIT.
    /// </summary>
    /// <exception cref="AotCompilationException">The driver is missing, or refused the module (the message is its own).</exception>
    /// <exception cref="WasmModuleLoadException">A component WitHost cannot run (<see cref="ComponentLoadException"/>).</exception>
    public static byte[] Compile(ReadOnlySpan<byte> wasm, string? target = null)
    {
        byte[] original = wasm.ToArray();
        byte[] core = WamrEngine.IsComponent(original) ? GuestComponentReader.Read(original).MainModule : original;
        string driver = FindDriver();

        string directory = Directory.CreateTempSubdirectory("withost-aot").FullName;
        try
        {
            string input = Path.Combine(directory, "module.wasm");
            string output = Path.Combine(directory, "module.aot");
            File.WriteAllBytes(input, core);

            var start = new ProcessStartInfo(driver)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (target is not null)
            {
                start.ArgumentList.Add("--target=" + target);
            }
            start.ArgumentList.Add("-o");
            start.ArgumentList.Add(output);
            start.ArgumentList.Add(input);

            using Process process = Process.Start(start)
                ?? throw new AotCompilationException($"The AOT compiler {driver} could not be started.");
            // WAMR's compiler prints its settings on standard output; only the errors matter.
            Task<string> standardOutput = process.StandardOutput.ReadToEndAsync();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            standardOutput.Wait();
            if (process.ExitCode != 0)
            {
                throw new AotCompilationException(Explain(errors.Trim(), process.ExitCode));
            }
            return AotImage.Embed(File.ReadAllBytes(output), original);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The driver that <see cref="Compile"/> runs.</summary>
    /// <exception cref="AotCompilationException">None is found; the message says how to build one.</exception>
    public static string FindDriver()
    {
        if (DriverPath is { } configured)
        {
            return File.Exists(configured) ? configured : throw NotFound($"AotCompiler.DriverPath names {configured}, which does not exist.");
        }
        if (Environment.GetEnvironmentVariable(DriverPathVariable) is { Length: > 0 } fromEnvironment)
        {
            return File.Exists(fromEnvironment) ? fromEnvironment : throw NotFound($"{DriverPathVariable} names {fromEnvironment}, which does not exist.");
        }
        string beside = Path.Combine(AppContext.BaseDirectory, DriverName);
        if (File.Exists(beside))
        {
            return beside;
        }
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, DriverName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw NotFound($"{DriverName} is neither beside the application nor on PATH, and {DriverPathVariable} is not set.");
    }

    private static AotCompilationException NotFound(string problem) => new(
        $"WitHost's AOT compiler was not found: {problem} Build it with runtime-wamr/native/build-aot-compiler.sh <dir> "
        + "(it needs LLVM 15 and a C++ compiler: apt-get install llvm-15-dev g++ cmake) and point "
        + $"{DriverPathVariable} or AotCompiler.DriverPath at <dir>/{DriverName}.");

    private static string Explain(string errors, int exitCode)
    {
        if (errors.Contains("libLLVM", StringComparison.Ordinal))
        {
            // The dynamic loader's message when the driver was built on a machine with LLVM and
            // runs on one without it.
            return $"The AOT compiler cannot start without LLVM 15's shared library (apt-get install libllvm15): {errors}";
        }
        const string prefix = "withost-aotc: ";
        string message = errors.StartsWith(prefix, StringComparison.Ordinal) ? errors[prefix.Length..] : errors;
        return message.Length > 0 ? $"AOT compilation failed: {message}" : $"AOT compilation failed (exit code {exitCode}).";
    }
}
