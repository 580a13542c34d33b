using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests;

/// <summary>WIT names that collide with C# keywords, framework names or generated members still give compiling code.</summary>
public sealed class NamingTests
{
    [Fact]
    public void CollidingNamesCompile()
    {
        const string wit = """
            package example:system;

            interface system {
                record %string { value: string, equals: u8, get-hash-code: u8, equality-contract: u8, deconstruct: u8 }
                variant %object { system(u8), %func, t-result(u32), match, %string(%string), value }
                enum %enum { %enum, %class, %static }
                flags %flags { none, all }
                resource object-handle { equals: func(other: borrow<object-handle>) -> bool; }
                equals: func(a: u32) -> bool;
                to-string: func() -> string;
                get-type: func(%in: %object, %out: %enum, %params: %flags) -> object-handle;
            }

            world host { import system; }
            """;
        var run = GeneratorHarness.Run(
            "/project/Host.cs",
            "using WitHost;\n\nnamespace System.App;\n\n[WitHost(\"system.wit\")]\ninternal partial class SystemHost;\n",
            new[] { new InMemoryAdditionalText("/project/system.wit", wit) });

        Assert.True(run.UnexpectedGeneratorDiagnostics.Count == 0, string.Join("\n", run.UnexpectedGeneratorDiagnostics));
        var scope = run.GeneratedSources["example.system.system.g.cs"];
        Assert.Contains("global::Example.System.System.Object @in", scope);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems) + "\n" + scope);
    }

    /// <summary>
    /// Import entries are named from the import property and the method, which can run together:
    /// interface <c>a</c> with <c>b-c</c> and interface <c>a-b</c> with <c>c</c> both give
    /// <c>ImportABC</c>. Each entry gets its own name, and each core import is served by its own.
    /// </summary>
    [Fact]
    public void ImportEntriesWhoseNamesRunTogetherStayApart()
    {
        const string wit = """
            package example:joined;

            interface a { b-c: func() -> u32; }
            interface a-b { c: func() -> u32; }

            world host { import a; import a-b; }
            """;
        var run = GeneratorHarness.Run(
            "/project/Host.cs",
            "using WitHost;\n\nnamespace Joined.App;\n\n[WitHost(\"joined.wit\")]\ninternal partial class JoinedHost;\n",
            new[] { new InMemoryAdditionalText("/project/joined.wit", wit) });

        Assert.True(run.UnexpectedGeneratorDiagnostics.Count == 0, string.Join("\n", run.UnexpectedGeneratorDiagnostics));
        var host = run.GeneratedSources.Single(source => source.Value.Contains("table_.Define(", StringComparison.Ordinal)).Value;
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems) + "\n" + host);
        Assert.Contains("table_.Define(\"example:joined/a\", \"b-c\", call_ => ImportABC(", host);
        Assert.Contains("table_.Define(\"example:joined/a-b\", \"c\", call_ => ImportABC_(", host);
    }
    /// <summary>
    /// An interface named <c>host</c> becomes <c>IHost</c>, as Microsoft.Extensions.Hosting's is
    /// named, and its types' namespace ends in <c>Host</c>, as that package's static class is. The
    /// generated code names every type from <c>global::</c>, so the usings of an app (the Worker
    /// SDK's implicit <c>global using Microsoft.Extensions.Hosting;</c>, or types of its own named
    /// like generated ones) change nothing in it; the app's own file tells the two apart with an alias.
    /// </summary>
    [Fact]
    public void An_interface_named_host_compiles_in_an_app_that_uses_Microsoft_Extensions_Hosting()
    {
        const string wit = """
            package acme:plugins;

            interface host {
                enum level { info, error }
                record config { name: string, level: level }
                resource session {
                    constructor(name: string);
                    name: func() -> string;
                }
                get-config: func() -> config;
                log: func(level: level, message: string);
                open: func(name: string) -> session;
            }

            world plugin {
                import host;
                export host;
                export run: func(times: u32) -> result<u32, string>;
            }
            """;
        const string app = """
            global using Microsoft.Extensions.Hosting;
            global using MyApp.Common;
            using WitHost;
            using Acme.Plugins;
            using Acme.Plugins.Host;
            using PluginApi = Acme.Plugins.IHost;

            // Stand-ins for Microsoft.Extensions.Hosting's types, and types of the app's own named
            // like generated and runtime ones, all brought in by global usings.
            namespace Microsoft.Extensions.Hosting
            {
                internal interface IHost : System.IDisposable { void Start(); }
                internal static class Host { public static IHost CreateDefault() => null!; }
            }

            namespace MyApp.Common
            {
                internal sealed class Result { }
                internal sealed class Unit { }
                internal sealed class Option { }
                internal sealed class Guest { }
                internal sealed class Imports { }
                internal sealed class Session { }
                internal sealed class Config { }
                internal enum Level { Other }
                internal sealed class Exports { }
            }

            namespace MyApp
            {
                [WitHost("plugin.wit")]
                internal partial class PluginHost;

                internal sealed class PluginServices : PluginApi
                {
                    public Acme.Plugins.Host.Config GetConfig() => new("app", Acme.Plugins.Host.Level.Info);
                    public void Log(Acme.Plugins.Host.Level level, string message) { }
                    public Acme.Plugins.Host.ISession CreateSession(string name) => new AppSession(name);
                    public Acme.Plugins.Host.ISession Open(string name) => new AppSession(name);
                }

                internal sealed class AppSession(string name) : Acme.Plugins.Host.ISession
                {
                    public string Name() => name;
                }

                internal static class Program
                {
                    public static void Start(WitHost.Wamr.WamrModule module)
                    {
                        // IHost and Host are Microsoft.Extensions.Hosting's here; the alias names the plugin's.
                        using Microsoft.Extensions.Hosting.IHost app = Host.CreateDefault();
                        app.Start();
                        using var guest = PluginHost.Instantiate(module, new PluginHost.Imports { Host = new PluginServices() });
                        WitHost.Result<uint, string> ran = guest.Run(3);
                        _ = ran;
                    }
                }
            }
            """;
        var run = GeneratorHarness.Run("/project/Program.cs", app, new[] { new InMemoryAdditionalText("/project/plugin.wit", wit) });

        Assert.True(run.UnexpectedGeneratorDiagnostics.Count == 0, string.Join("\n", run.UnexpectedGeneratorDiagnostics));
        Assert.Contains("public interface IHost", run.GeneratedSources["acme.plugins.host.g.cs"], StringComparison.Ordinal);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
    }

    /// <summary>
    /// The UTF-8 overload of an export adds a buffer writer for a string result after the WIT
    /// parameters: a WIT parameter named <c>result</c> moves its name along, and exports whose C#
    /// names differ only by case keep their overloads apart.
    /// </summary>
    [Fact]
    public void Utf8OverloadsOfExportsWithCollidingNamesCompile()
    {
        const string wit = """
            package example:texts;

            interface texts {
                wrap: func(%result: string, result-writer: u32) -> string;
                text-a: func(s: string) -> string;
                texta: func(s: string) -> string;
                count: func(s: string) -> u32;
            }

            world host {
                export texts;
                export wrap: func(%result: string) -> string;
            }
            """;
        var run = GeneratorHarness.Run(
            "/project/Host.cs",
            "using WitHost;\n\nnamespace Texts.App;\n\n[WitHost(\"texts.wit\")]\ninternal partial class TextsHost;\n",
            new[] { new InMemoryAdditionalText("/project/texts.wit", wit) });

        Assert.True(run.UnexpectedGeneratorDiagnostics.Count == 0, string.Join("\n", run.UnexpectedGeneratorDiagnostics));
        var guest = run.GeneratedSources.Single(source => source.Key.EndsWith(".Guest.g.cs", StringComparison.Ordinal)).Value;
        Assert.Contains("public int Wrap(global::System.ReadOnlySpan<byte> result, uint resultWriter, global::System.Buffers.IBufferWriter<byte> result_)", guest, StringComparison.Ordinal);
        Assert.Contains("public int Wrap(global::System.ReadOnlySpan<byte> result, global::System.Buffers.IBufferWriter<byte> result_)", guest, StringComparison.Ordinal);
        Assert.Contains("public int TextA(global::System.ReadOnlySpan<byte> s, global::System.Buffers.IBufferWriter<byte> result)", guest, StringComparison.Ordinal);
        Assert.Contains("public int Texta(global::System.ReadOnlySpan<byte> s, global::System.Buffers.IBufferWriter<byte> result)", guest, StringComparison.Ordinal);
        Assert.Contains("public uint Count(global::System.ReadOnlySpan<byte> s)", guest, StringComparison.Ordinal);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems) + "\n" + guest);
    }
}
