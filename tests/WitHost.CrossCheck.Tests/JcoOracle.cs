using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// Runs tests/crosscheck/run-component.mjs: jco makes a component of a core guest and its WIT
/// world, runs the calls in Node, and reports each result in the JSON mapping described in
/// tests/crosscheck/README.md.
/// </summary>
internal static class JcoOracle
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>The repository root: the nearest folder above the test binaries with WitHost.slnx.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string CrossCheckDirectory => Path.Combine(RepoRoot, "tests", "crosscheck");

    /// <summary>A path under the repository root, from its parts.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>
    /// Runs the spec (see README.md) and returns the list of call reports. Fails the test when
    /// jco rejects the component or anything else goes wrong, with jco's message.
    /// </summary>
    public static JsonArray Run(JsonObject spec)
    {
        JsonObject report = RunReport(spec);
        if (report["ok"]?.GetValue<bool>() != true)
        {
            Assert.Fail($"jco failed at stage '{report["stage"]}': {report["message"]}");
        }
        return report["calls"]?.AsArray() ?? throw new InvalidOperationException("the report has no calls");
    }

    /// <summary>
    /// Runs the spec and returns the whole report, <c>{"ok": false, "stage", "message"}</c>
    /// included. Fails the test only when Node, jco or the report itself is missing.
    /// </summary>
    public static JsonObject RunReport(JsonObject spec) => RunScript("run-component.mjs", spec);

    /// <summary>
    /// Runs a script of tests/crosscheck with <paramref name="spec"/> on its stdin and returns the
    /// JSON object it prints. Fails the test only when Node, jco or the report itself is missing.
    /// </summary>
    public static JsonObject RunScript(string scriptName, JsonObject spec)
    {
        string script = Path.Combine(CrossCheckDirectory, scriptName);
        // A missing toolchain must fail, not skip: the cross-check is part of the test suite.
        if (!Directory.Exists(Path.Combine(CrossCheckDirectory, "node_modules", "@bytecodealliance", "jco")))
        {
            Assert.Fail($"jco is not installed: run `npm ci` in {CrossCheckDirectory} (needs Node.js 20 or later).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = CrossCheckDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"node could not be started ({e.Message}): install Node.js 20 or later and run `npm ci` in {CrossCheckDirectory}.");
            throw; // not reached: Assert.Fail throws
        }

        using (process)
        {
            // Read both streams while the script runs, so neither pipe fills up and blocks it.
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(spec.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(s_timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{scriptName} did not finish within {s_timeout.TotalSeconds} s. stderr:\n{stderr.Result}");
            }
            process.WaitForExit();

            string output = stdout.Result;
            JsonObject? report = null;
            try
            {
                report = JsonNode.Parse(output) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                // Reported below with the raw output.
            }
            if (report is null)
            {
                Assert.Fail($"{scriptName} printed no JSON report (exit code {process.ExitCode}).\nstdout:\n{output}\nstderr:\n{stderr.Result}");
            }
            return report;
        }
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No WitHost.slnx above {AppContext.BaseDirectory}: the cross-check runs from a repository checkout.");
    }
}
