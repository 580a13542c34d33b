using BenchmarkDotNet.Attributes;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Benchmarks;

/// <summary>
/// Parse + resolve of all of WASI 0.2 (the http package as root, every other package under deps/),
/// including reading the files, which the OS serves from its cache after the first run.
/// </summary>
[MemoryDiagnoser]
public class WasiResolveBenchmarks
{
    private string _root = "";

    [GlobalSetup]
    public void LayOutWasi()
    {
        var shared = FindShared();
        var release = Path.Combine(shared, "wit", "wasi-0.2");
        _root = Path.Combine(Path.GetTempPath(), "withost-bench-wasi-0.2");
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        foreach (var package in Directory.GetDirectories(release))
        {
            var target = Path.GetFileName(package) == "http" ? _root : Path.Combine(_root, "deps", Path.GetFileName(package));
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(package, "*.wit"))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        var check = WitResolver.ResolvePath(_root);
        if (check.HasErrors || check.Packages.Count != 7)
        {
            throw new InvalidOperationException("WASI 0.2 did not resolve cleanly: " + string.Join("\n", check.Diagnostics));
        }
    }

    [Benchmark]
    public WitResolution ParseAndResolveWasi02() => WitResolver.ResolvePath(_root);

    private static string FindShared()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "wit");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(directory.FullName, "shared");
            }
        }

        throw new InvalidOperationException("shared/ (with wit/wasi-0.2) not found above " + AppContext.BaseDirectory);
    }
}
