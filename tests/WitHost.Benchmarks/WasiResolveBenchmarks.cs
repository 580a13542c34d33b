using BenchmarkDotNet.Attributes;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Benchmarks;

/// <summary>
/// Parse + resolve of all of WASI 0.2 (the http package as root, every other package as a
/// dependency): from text already in memory, and from a deps/ layout on disk (reading included).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class WasiResolveBenchmarks
{
    private string _root = "";
    private List<WitSourceFile> _rootFiles = new();
    private List<List<WitSourceFile>> _dependencies = new();

    [GlobalSetup]
    public void LayOutWasi()
    {
        var release = Path.Combine(FindShared(), "wit", "wasi-0.2");
        _root = Path.Combine(Path.GetTempPath(), "withost-bench-wasi-0.2");
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        foreach (var package in Directory.GetDirectories(release).OrderBy(path => path, StringComparer.Ordinal))
        {
            var isRoot = Path.GetFileName(package) == "http";
            var target = isRoot ? _root : Path.Combine(_root, "deps", Path.GetFileName(package));
            Directory.CreateDirectory(target);
            var files = new List<WitSourceFile>();
            foreach (var file in Directory.GetFiles(package, "*.wit").OrderBy(path => path, StringComparer.Ordinal))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                files.Add(new WitSourceFile(file, File.ReadAllText(file)));
            }

            if (isRoot)
            {
                _rootFiles = files;
            }
            else
            {
                _dependencies.Add(files);
            }
        }

        foreach (var check in new[] { ParseAndResolveWasi02FromMemory(), ParseAndResolveWasi02FromDisk() })
        {
            if (check.HasErrors || check.Packages.Count != 7)
            {
                throw new InvalidOperationException("WASI 0.2 did not resolve cleanly: " + string.Join("\n", check.Diagnostics));
            }
        }
    }

    [Benchmark(Baseline = true)]
    public WitResolution ParseAndResolveWasi02FromMemory() => WitResolver.ResolveSources(_rootFiles, _dependencies);

    [Benchmark]
    public WitResolution ParseAndResolveWasi02FromDisk() => WitResolver.ResolvePath(_root);

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
