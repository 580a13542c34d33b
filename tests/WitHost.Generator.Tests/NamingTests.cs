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
}
