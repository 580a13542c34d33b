using WitHost.Wamr.Aot;

namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// The guests the engine benchmarks run, as each engine takes them: the wasm copied beside the
/// benchmarks, and its AOT file, compiled on the spot with the repository's compiler driver.
/// </summary>
internal static class BenchmarkGuests
{
    public static byte[] Wasm(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", name));

    /// <summary>
    /// Compiles <paramref name="wasm"/> ahead of time for this machine. The driver is
    /// <c>WITHOST_AOTC_PATH</c> when set, else the one the tests build into the repository's
    /// artifacts/native (found upwards from the benchmark, which BenchmarkDotNet runs from a
    /// folder of its own under bin/).
    /// </summary>
    public static byte[] CompileAheadOfTime(byte[] wasm)
    {
        if (AotCompiler.DriverPath is null && Environment.GetEnvironmentVariable(AotCompiler.DriverPathVariable) is null or "")
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "artifacts", "native", "linux-x64", AotCompiler.DriverName);
                if (File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")) && File.Exists(candidate))
                {
                    AotCompiler.DriverPath = candidate;
                    break;
                }
            }
        }
        return AotCompiler.Compile(wasm);
    }
}
