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
}
