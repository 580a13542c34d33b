using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests;

/// <summary>
/// Types at the WIT front end's limits (docs/reliability.md, "Deep WIT") generate C# that
/// compiles: the limits are low enough for every later walk, and not lower than they need be.
/// </summary>
public sealed class DeepWitGenerationTests
{
    [Fact]
    public void A_world_with_types_at_the_depth_limit_generates_compiling_code()
    {
        // Imports only: the generated marshalling inlines every level, so its size grows with the
        // square of the depth (about 2 MB of C# each way here) and compiling both ways doubles a
        // slow test.
        // v126 is 128 levels (v0 is a variant of u32: 2); r26 wraps 99 nested lists in 27 records.
        var variants = string.Concat(Enumerable.Range(1, 126).Select(k => $"  variant v{k} {{ a(v{k - 1}), b }}\n"));
        var records = string.Concat(Enumerable.Range(1, 26).Select(k => $"  record r{k} {{ a: r{k - 1} }}\n"));
        var lists = string.Concat(Enumerable.Repeat("list<", 99)) + "u8" + new string('>', 99);
        var wit = "package test:deep;\n\ninterface chain {\n  variant v0 { a(u32) }\n" + variants
            + $"  type l = {lists};\n  record r0 {{ a: l }}\n" + records
            + "  deepest: func(x: v126) -> v126;\n  lists: func(x: r26) -> r26;\n}\n\nworld deep {\n  import chain;\n}\n";

        var run = GeneratorHarness.Run(
            "/deep/Host.cs",
            "using WitHost;\n\nnamespace Hosts;\n\n[WitHost(\"deep.wit\")]\ninternal partial class Host;\n",
            [new InMemoryAdditionalText("/deep/deep.wit", wit)]);

        Assert.True(run.UnexpectedGeneratorDiagnostics.Count == 0, string.Join("\n", run.UnexpectedGeneratorDiagnostics));
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems.Take(10)));
        Assert.Contains("Deepest(", string.Concat(run.GeneratedSources.Values));
    }
}
