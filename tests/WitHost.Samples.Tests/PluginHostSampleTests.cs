using WitHost.Samples.PluginHost;

namespace WitHost.Samples.Tests;

/// <summary>samples/PluginHost: every plugin in a folder, each in its own instance, reported one by one.</summary>
public sealed class PluginHostSampleTests
{
    private static readonly Lazy<string[]> s_lines = new(() => SampleOutput.Lines(output => PluginTour.Run(output, PluginTour.DefaultFolder)));

    private static string[] Lines => s_lines.Value;

    [Fact]
    public void Every_plugin_is_loaded_and_named_by_its_own_export()
    {
        Assert.Equal("5 plugins in plugins/, each in its own instance with at most 16 pages (1024 KiB) of memory and 32 KiB of stack", Lines[0]);
        Assert.Equal(
            ["[crash] crash.wasm", "[greedy] greedy.wasm", "[rot13] rot13.wasm", "[shout] shout.wasm", "[words] words.wasm"],
            Lines.Where(line => line.StartsWith('[')));
    }

    [Fact]
    public void Results_and_errors_are_reported_per_plugin()
    {
        Assert.Equal(
            [
                "  transform(\"Hello, WitHost\") = ok(\"Uryyb, JvgUbfg\")",
                "  transform(\"route 66 to 世界\") = ok(\"ebhgr 66 gb 世界\")",
                "  transform(\"\") = ok(\"\")",
            ],
            Section("[rot13] rot13.wasm"));
        Assert.Equal(
            [
                "  transform(\"Hello, WitHost\") = ok(\"HELLO, WITHOST!\")",
                "  transform(\"route 66 to 世界\") = ok(\"ROUTE 66 TO 世界!\")",
                "  transform(\"\") = err(\"empty input\")",
                "    log warn: nothing to shout",
            ],
            Section("[shout] shout.wasm"));
    }

    [Fact]
    public void A_trap_faults_only_that_instance_and_the_host_goes_on()
    {
        Assert.Equal(
            [
                "  transform(\"Hello, WitHost\") = ok(\"Hello, WitHost\")",
                "  transform(\"route 66 to 世界\") trapped: unreachable",
                "    the host replaced the faulted instance with a fresh one",
                "  transform(\"\") = ok(\"\")",
            ],
            Section("[crash] crash.wasm"));
        // The plugins after it ran as usual.
        Assert.Contains("  words.wasm   3 ok, 0 err, 0 trap, 6 log", Lines);
    }

    [Fact]
    public void The_memory_limit_holds_in_the_guest()
    {
        // greedy wants 4 MiB; under a 1 MiB limit memory.grow fails and its malloc returns null.
        Assert.Equal(
            [
                "  transform(\"Hello, WitHost\") = err(\"out of memory: wanted 4194316 bytes\")",
                "  transform(\"route 66 to 世界\") = err(\"out of memory: wanted 4194306 bytes\")",
                "  transform(\"\") = ok(\"\")",
            ],
            Section("[greedy] greedy.wasm"));
    }

    [Fact]
    public void Each_plugin_logs_to_its_own_log()
    {
        Assert.Equal(
            [
                "  transform(\"Hello, WitHost\") = ok(\"2 words\")",
                "    log info: Hello,",
                "    log info: WitHost",
                "  transform(\"route 66 to 世界\") = ok(\"4 words\")",
                "    log info: route",
                "    log info: 66",
                "    log info: to",
                "    log info: 世界",
                "  transform(\"\") = ok(\"0 words\")",
            ],
            Section("[words] words.wasm"));
        Assert.Equal(
            [
                "Summary",
                "  crash.wasm   2 ok, 0 err, 1 trap, 0 log",
                "  greedy.wasm  1 ok, 2 err, 0 trap, 0 log",
                "  rot13.wasm   3 ok, 0 err, 0 trap, 0 log",
                "  shout.wasm   2 ok, 1 err, 0 trap, 1 log",
                "  words.wasm   3 ok, 0 err, 0 trap, 6 log",
            ],
            Lines.SkipWhile(line => line != "Summary").TakeWhile(line => line.Length > 0));
    }

    [Fact]
    public void A_file_that_is_no_plugin_is_reported_and_the_others_still_run()
    {
        string folder = Directory.CreateTempSubdirectory("withost-plugins").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "broken.wasm"), "not a wasm module");
            // A module of another world lacks the plugin exports: instantiating it fails.
            File.Copy(KeyValue.KeyValueTour.GuestPath, Path.Combine(folder, "keyvalue.wasm"));
            File.Copy(Path.Combine(PluginTour.DefaultFolder, "rot13.wasm"), Path.Combine(folder, "rot13.wasm"));

            string[] lines = SampleOutput.Lines(output => PluginTour.Run(output, folder));

            Assert.StartsWith("[?] broken.wasm not loaded: ", lines.Single(line => line.StartsWith("[?] broken.wasm", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.StartsWith("[?] keyvalue.wasm not loaded: ", lines.Single(line => line.StartsWith("[?] keyvalue.wasm", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Contains("  transform(\"Hello, WitHost\") = ok(\"Uryyb, JvgUbfg\")", lines);
            Assert.Equal(["Summary", "  rot13.wasm   3 ok, 0 err, 0 trap, 0 log"], lines.SkipWhile(line => line != "Summary").TakeWhile(line => line.Length > 0));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The lines of one plugin's report, after its heading and up to the blank line.
    private static string[] Section(string heading) =>
        [.. Lines.SkipWhile(line => line != heading).Skip(1).TakeWhile(line => line.Length > 0)];
}
