using System.Diagnostics;

namespace WitHost.Fuzz;

/// <summary>
/// Module loading (<see cref="Wamr.WamrEngine.LoadModule(ReadOnlySpan{byte}, Wamr.ModuleOptions?)"/>
/// and instantiation) on mutations of the repository's guests. The modules are loaded in child
/// processes of this program (<see cref="ModuleLoadChild"/>), a batch per child: when a case kills
/// its child (a native crash in WAMR, or the runtime aborting), the crash is counted against that
/// case and a fresh child goes on with the next one; a case that takes longer than
/// <see cref="CaseTimeout"/> is a hang, and its child is killed.
/// </summary>
public static class ModuleFuzzer
{
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    private const int BatchSize = 250;

    /// <summary>Where a case that crashed, hung or threw something unexpected is kept, to become a regression test.</summary>
    public static string FindingsDirectory => Path.Combine(Path.GetTempPath(), "withost-fuzz-findings");

    public static FuzzReport Run(long count, int seed)
    {
        var report = new FuzzReport("modules");
        byte[][] seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds", "modules"), "*.wasm")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToArray();
        if (seeds.Length == 0)
        {
            throw new InvalidOperationException("No guest modules were copied beside the fuzzer.");
        }

        string batchDirectory = Directory.CreateTempSubdirectory("withost-fuzz-modules-").FullName;
        try
        {
            for (long first = 0; first < count; first += BatchSize)
            {
                int size = (int)Math.Min(BatchSize, count - first);
                var names = new string[size];
                for (int j = 0; j < size; j++)
                {
                    long index = first + j;
                    var random = new Random(CaseSeed.Of(seed, index));
                    names[j] = $"{index:D9}.wasm";
                    byte[] seedModule = seeds[random.Next(seeds.Length)];
                    byte[] mutated = random.Next(2) == 0 ? Mutator.MutateBytes(seedModule, random) : Mutator.MutateBytesInPlace(seedModule, random);
                    File.WriteAllBytes(Path.Combine(batchDirectory, names[j]), mutated);
                }

                RunBatch(batchDirectory, names, seed, report);
                foreach (string name in names)
                {
                    File.Delete(Path.Combine(batchDirectory, name));
                }
            }
        }
        finally
        {
            Directory.Delete(batchDirectory, recursive: true);
        }
        return report;
    }

    private static void RunBatch(string directory, string[] names, int seed, FuzzReport report)
    {
        int next = 0;
        while (next < names.Length)
        {
            using var child = StartChild(directory, names[next]);
            var stderr = new Queue<string>();
            child.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }
                lock (stderr)
                {
                    stderr.Enqueue(e.Data);
                    if (stderr.Count > 5)
                    {
                        stderr.Dequeue();
                    }
                }
            };
            child.BeginErrorReadLine();

            string? current = null;
            while (true)
            {
                var line = child.StandardOutput.ReadLineAsync();
                if (!line.Wait(CaseTimeout))
                {
                    child.Kill(entireProcessTree: true);
                    child.WaitForExit();
                    report.Hang(Describe(directory, current ?? names[next], seed, $"no answer within {CaseTimeout.TotalSeconds} s"));
                    next = Array.IndexOf(names, current ?? names[next]) + 1;
                    break;
                }
                if (line.Result is not { } text)
                {
                    child.WaitForExit();
                    if (current is not null)
                    {
                        string last;
                        lock (stderr)
                        {
                            last = string.Join(" | ", stderr);
                        }
                        report.Crash(Describe(directory, current, seed, $"the child exited with {child.ExitCode}: {last}"));
                        next = Array.IndexOf(names, current) + 1;
                    }
                    else
                    {
                        next = names.Length;
                    }
                    break;
                }
                if (!text.StartsWith(ModuleLoadChild.Prefix, StringComparison.Ordinal))
                {
                    continue; // WAMR's own log lines.
                }

                string[] parts = text[ModuleLoadChild.Prefix.Length..].Split(' ', 3);
                if (parts[0] == "begin")
                {
                    current = parts[1];
                }
                else if (parts[0] == "end")
                {
                    string outcome = parts[2];
                    if (outcome.StartsWith("unexpected", StringComparison.Ordinal))
                    {
                        report.Surprise(Describe(directory, parts[1], seed, outcome));
                    }
                    else
                    {
                        report.Expected(outcome);
                    }
                    current = null;
                }
            }
        }
    }

    private static Process StartChild(string directory, string firstName)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ModuleFuzzer).Assembly.Location);
        start.ArgumentList.Add(ModuleLoadChild.Command);
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(firstName);
        return Process.Start(start) ?? throw new InvalidOperationException("The module-loading child process did not start.");
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host)
        {
            return host;
        }
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return path;
        }
        return "dotnet";
    }

    private static string Describe(string directory, string name, int seed, string what)
    {
        Directory.CreateDirectory(FindingsDirectory);
        string kept = Path.Combine(FindingsDirectory, $"seed{seed}-{name}");
        File.Copy(Path.Combine(directory, name), kept, overwrite: true);
        return $"case {Path.GetFileNameWithoutExtension(name)} (seed {seed}, kept as {kept}): {what}";
    }
}
