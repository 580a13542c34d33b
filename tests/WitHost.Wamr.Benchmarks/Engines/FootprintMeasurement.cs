using System.Diagnostics;
using System.Globalization;
using WitHost.Wamr.Benchmarks.Generated;

namespace WitHost.Wamr.Benchmarks.Engines;

/// <summary>
/// Resident memory per engine, module and instance: <c>footprint [instances]</c> runs one child
/// process per engine (WAMR's interpreter, WAMR AOT, Wasmtime), each of which reads its resident
/// set (VmRSS) after starting the engine, after loading the digest guest (the first load also
/// brings in the native library), after loading it a second time (what one more module costs),
/// after making, calling and disposing one instance (which brings in the code every instance
/// runs: compiled once, it is no instance's own), and after making the instances and calling
/// each once, and reports the differences (the
/// WAMR rows twice: with <see cref="InstanceOptions.ReleaseZeroPages"/> off, the default, and
/// on); then it makes, calls once and disposes 1,000 more instances one after the other (a host
/// that makes an instance per request) and reports what each allocated on the managed heap and
/// how many garbage collections of each generation the thousand caused. A fresh process per
/// engine keeps one engine's heap from hiding another's; BenchmarkDotNet times, it does not measure a process's
/// resident memory, so this is a small program of its own.
/// </summary>
internal static class FootprintMeasurement
{
    public const string Command = "footprint";
    private const string ChildCommand = "footprint-child";
    // "-released": WAMR with InstanceOptions.ReleaseZeroPages on, so the same run shows what
    // giving back the zero pages saves.
    private static readonly string[] s_engines = ["interpreter", "interpreter-released", "aot", "aot-released", "wasmtime"];

    /// <summary>Handles the footprint commands; false when <paramref name="args"/> is not one.</summary>
    public static bool TryRun(string[] args)
    {
        switch (args)
        {
            case [Command, ..]:
                RunAll(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100);
                return true;
            case [ChildCommand, string engine, string guestFile, string count]:
                RunChild(engine, guestFile, int.Parse(count, CultureInfo.InvariantCulture));
                return true;
            default:
                return false;
        }
    }

    private static void RunAll(int instances)
    {
        byte[] wasm = BenchmarkGuests.Wasm("digest.wasm");
        string directory = Directory.CreateTempSubdirectory("withost-footprint").FullName;
        try
        {
            string wasmFile = Path.Combine(directory, "digest.wasm");
            string aotFile = Path.Combine(directory, "digest.aot");
            File.WriteAllBytes(wasmFile, wasm);
            File.WriteAllBytes(aotFile, BenchmarkGuests.CompileAheadOfTime(wasm));

            Console.WriteLine($"digest guest: {wasm.Length / 1024.0:F1} KiB .wasm, {new FileInfo(aotFile).Length / 1024.0:F1} KiB .aot; {instances} instances, each called once");
            Console.WriteLine("| engine | engine started | first module | one more module | per instance | allocated per instance, made and disposed | collections per 1,000 (gen0/1/2) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (string engine in s_engines)
            {
                Console.WriteLine(RunChildProcess(engine, engine.StartsWith("aot", StringComparison.Ordinal) ? aotFile : wasmFile, instances));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string RunChildProcess(string engine, string guestFile, int instances)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // Under `dotnet WitHost.Wamr.Benchmarks.dll` the process is dotnet itself.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FootprintMeasurement).Assembly.Location);
        }
        foreach (string argument in new[] { ChildCommand, engine, guestFile, instances.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using Process child = Process.Start(start)!;
        string line = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {engine} footprint process failed (exit code {child.ExitCode}): {line}");
        }
        return line;
    }

    private static void RunChild(string engine, string guestFile, int count)
    {
        byte[] guest = File.ReadAllBytes(guestFile);
        long atStart = ResidentBytes();
        long engineStarted, firstModule, moduleLoaded, warmedUp, instancesMade;
        string churn;
        var keep = new List<IDisposable>();
        if (engine == "wasmtime")
        {
            var wasmtime = new Wasmtime.Engine();
            engineStarted = ResidentBytes();
            keep.Add(Wasmtime.Module.FromBytes(wasmtime, "digest", guest));
            firstModule = ResidentBytes();
            var module = Wasmtime.Module.FromBytes(wasmtime, "digest", guest);
            moduleLoaded = ResidentBytes();
            using (var first = new WasmtimeGuest(wasmtime, module))
            {
                first.ReadList(first.Instance.GetFunction<int, int>("sha256-pattern")!(1024));
            }
            warmedUp = ResidentBytes();
            for (int i = 0; i < count; i++)
            {
                var instance = new WasmtimeGuest(wasmtime, module);
                instance.ReadList(instance.Instance.GetFunction<int, int>("sha256-pattern")!(1024));
                keep.Add(instance);
            }
            instancesMade = ResidentBytes();
            churn = Churn(() =>
            {
                using var instance = new WasmtimeGuest(wasmtime, module);
                instance.ReadList(instance.Instance.GetFunction<int, int>("sha256-pattern")!(1024));
            });
        }
        else
        {
            var wamr = new WamrEngine();
            var options = new InstanceOptions { ReleaseZeroPages = engine.EndsWith("-released", StringComparison.Ordinal) };
            engineStarted = ResidentBytes();
            keep.Add(wamr.LoadModule(guest));
            firstModule = ResidentBytes();
            WamrModule module = wamr.LoadModule(guest);
            moduleLoaded = ResidentBytes();
            using (DigestHost.Guest first = DigestHost.Instantiate(module, new DigestHost.Imports(), options))
            {
                first.Sha256Pattern(1024);
            }
            warmedUp = ResidentBytes();
            for (int i = 0; i < count; i++)
            {
                DigestHost.Guest instance = DigestHost.Instantiate(module, new DigestHost.Imports(), options);
                instance.Sha256Pattern(1024);
                keep.Add(instance);
            }
            instancesMade = ResidentBytes();
            churn = Churn(() =>
            {
                using DigestHost.Guest instance = DigestHost.Instantiate(module, new DigestHost.Imports(), options);
                instance.Sha256Pattern(1024);
            });
        }
        GC.KeepAlive(keep);
        string name = engine switch
        {
            "interpreter" => "WAMR interpreter",
            "interpreter-released" => "WAMR interpreter, ReleaseZeroPages on",
            "aot-released" => "WAMR AOT, ReleaseZeroPages on",
            "aot" => "WAMR AOT",
            _ => "Wasmtime (compiles the .wasm)",
        };
        Console.WriteLine($"| {name} | {Kib(engineStarted - atStart)} | {Kib(firstModule - engineStarted)} | {Kib(moduleLoaded - firstModule)} | {Kib((instancesMade - warmedUp) / count)} | {churn} |");
    }

    /// <summary>Runs <paramref name="makeCallDispose"/> 1,000 times; returns the bytes it allocated
    /// per run and the collections of each generation, as the two last columns.</summary>
    private static string Churn(Action makeCallDispose)
    {
        const int runs = 1000;
        makeCallDispose();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < runs; i++)
        {
            makeCallDispose();
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return $"{allocated / runs:N0} B | {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
    }

    private static string Kib(long bytes) => $"{bytes / 1024.0:N0} KiB";

    /// <summary>The process's resident set (VmRSS of /proc/self/status), after a full collection so managed garbage does not count.</summary>
    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new PlatformNotSupportedException("No VmRSS in /proc/self/status: the footprint measurement needs Linux.");
    }
}
