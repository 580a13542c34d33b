using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using WitHost.Wamr.Aot;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// How the end-to-end tests run the project's guests: on WAMR's interpreter (the default), or,
/// with <c>WITHOST_TEST_GUEST_MODE=aot</c>, compiled ahead of time. Test loaders pass a guest's
/// bytes (module or component) through <see cref="Prepare"/>; in AOT mode each distinct guest is
/// compiled once per machine (cached by content under artifacts/aot-guests) and the AOT file is
/// loaded instead, through the same runtime API.
/// </summary>
public static class GuestMode
{
    public const string Variable = "WITHOST_TEST_GUEST_MODE";

    private static readonly ConcurrentDictionary<string, byte[]> s_compiled = new();
    private static readonly Lazy<string> s_driver = new(EnsureDriver);

    /// <summary>Whether the guests run compiled ahead of time.</summary>
    public static bool IsAot { get; } = Environment.GetEnvironmentVariable(Variable) switch
    {
        null or "" or "interpreter" => false,
        "aot" => true,
        var other => throw new InvalidOperationException($"{Variable} is '{other}'; it takes 'interpreter' (the default) or 'aot'."),
    };

    /// <summary>The AOT compiler driver the tests use (built on first use when the repository has none).</summary>
    public static string Driver => s_driver.Value;

    /// <summary>Compiles a guest ahead of time (not cached), with the driver the AOT mode uses.</summary>
    public static byte[] Compile(byte[] guest, string? target = null)
    {
        AotCompiler.DriverPath = s_driver.Value;
        return AotCompiler.Compile(guest, target);
    }

    /// <summary>The bytes to load for a guest: itself, or in AOT mode its AOT file.</summary>
    public static byte[] Prepare(byte[] guest) => IsAot ? Compiled(guest) : guest;

    private static byte[] Compiled(byte[] guest)
    {
        string key = Convert.ToHexStringLower(SHA256.HashData(guest));
        return s_compiled.GetOrAdd(key, _ =>
        {
            string cache = Path.Combine(JcoOracle.RepoRoot, "artifacts", "aot-guests", AotImage.ProcessArchitecture ?? "unknown");
            string file = Path.Combine(cache, key + ".aot");
            // The compiler's own signature is part of the cache: a rebuilt driver recompiles.
            string stamp = File.GetLastWriteTimeUtc(s_driver.Value).Ticks.ToString();
            string stampFile = Path.Combine(cache, "driver.stamp");
            if (File.Exists(file) && File.Exists(stampFile) && File.ReadAllText(stampFile) == stamp)
            {
                return File.ReadAllBytes(file);
            }
            byte[] compiled = Compile(guest);
            Directory.CreateDirectory(cache);
            string temporary = file + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temporary, compiled);
            File.Move(temporary, file, overwrite: true);
            File.WriteAllText(stampFile, stamp);
            return compiled;
        });
    }

    /// <summary>The driver: WITHOST_AOTC_PATH, or the repository's, built by its script when missing or stale.</summary>
    private static string EnsureDriver()
    {
        if (Environment.GetEnvironmentVariable(AotCompiler.DriverPathVariable) is { Length: > 0 } configured)
        {
            return configured;
        }
        string directory = Path.Combine(JcoOracle.RepoRoot, "artifacts", "native", "linux-x64");
        var build = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(JcoOracle.RepoRoot, "runtime-wamr", "native", "build-aot-compiler.sh"), directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(build)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Variable}=aot needs the AOT compiler, and building it failed:\n{errors}{output.Result}");
        }
        return Path.Combine(directory, AotCompiler.DriverName);
    }
}
