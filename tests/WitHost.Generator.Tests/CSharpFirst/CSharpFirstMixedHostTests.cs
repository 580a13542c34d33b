using Microsoft.CodeAnalysis;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests.CSharpFirst;

/// <summary>A host of a .wit world that also imports and exports C#-first interfaces.</summary>
public sealed class CSharpFirstMixedHostTests
{
    [Fact]
    public void AWitWorldGainsTheCSharpFirstInterfaces()
    {
        const string wit = "package example:app;\n\ninterface greeter {\n  greet: func(name: string) -> string;\n}\n\nworld app {\n  export greeter;\n}\n";
        var run = GeneratorHarness.Run(
            "/project/Host.cs",
            """
            using WitHost;

            namespace Example.App;

            [WitHost("app.wit", World = "app")]
            [WitImport(typeof(IClock))]
            [WitExport(typeof(ICounter))]
            internal partial class AppHost;

            [WitHost("example:app/clock")]
            internal partial interface IClock
            {
                ulong Now();
            }

            [WitHost("example:tools/counter@1.0.0")]
            internal partial interface ICounter
            {
                uint Increment(uint by);
            }
            """,
            new[] { (AdditionalText)new InMemoryAdditionalText("/project/app.wit", wit) },
            "/project");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);

        // The world includes the .wit world and adds the C#-first interfaces; the clock's package is
        // the .wit package, so it is written beside the world, the counter's is a dependency.
        Assert.Equal(
            "package example:app;\n\ninterface clock {\n  now: func() -> u64;\n}\n\nworld app-app-host {\n  include app;\n  import clock;\n  export example:tools/counter@1.0.0;\n}\n",
            CSharpFirstDerivationTests.WitText(run, "Example.App.AppHost"));

        var host = run.GeneratedSources["Example.App.AppHost.WitHost.g.cs"];
        Assert.Contains("public const string WitWorldName = \"example:app/app-app-host\";", host);
        Assert.Contains("public required global::Example.App.IClock Clock { get; init; }", host);
        Assert.Contains("table_.Define(\"example:app/clock\", \"now\"", host);

        var guest = run.GeneratedSources["Example.App.AppHost.Guest.g.cs"];
        Assert.Contains("public GreeterExports Greeter { get; }", guest);
        Assert.Contains("public sealed class CounterExports : global::Example.App.ICounter", guest);
        Assert.Contains("ScalarExport.Bind(instance, \"example:tools/counter@1.0.0#increment\"", guest);

        // Nothing is generated for the C#-first interfaces' scopes: their C# is the user's.
        Assert.Equal(
            new[] { "Example.App.AppHost.Guest.g.cs", "Example.App.AppHost.WitHost.g.cs", "Example.App.AppHost.WitText.g.cs", "Example.App.IClock.WitText.g.cs", "Example.App.ICounter.WitText.g.cs" },
            run.GeneratedSources.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ListsAndOptionsTakeTheFormsTheSignaturesChose()
    {
        // Option<T> for a plain option (not only for option<option<T>>), T? for a nested one, and
        // every list form: the generated calls must use the user's types, not the forms the WIT
        // alone would give.
        var run = GeneratorHarness.Run(
            "/project/Host.cs",
            """
            using System.Collections.Generic;
            using WitHost;

            namespace Example.App;

            [WitHost("app.wit", World = "app")]
            [WitImport(typeof(IDirectory))]
            [WitExport(typeof(IDirectory))]
            internal partial class AppHost;

            [WitHost("example:app/directory")]
            internal partial interface IDirectory
            {
                Option<uint> Lookup(Option<string> name);

                Option<uint>? Nested(uint? id);

                IReadOnlyList<byte> Raw(List<byte> data, byte[] more, IReadOnlyList<string> names);
            }
            """,
            new[] { (AdditionalText)new InMemoryAdditionalText("/project/app.wit", "package example:app;\n\nworld app {\n}\n") },
            "/project");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(
            "lookup: func(name: option<string>) -> option<u32>;",
            CSharpFirstDerivationTests.WitText(run, "Example.App.IDirectory"));
    }
}
