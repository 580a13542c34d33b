using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests;

/// <summary>The generated types do what the mapping promises when the code runs, not only when it compiles.</summary>
public sealed class GeneratedTypeBehaviorTests
{
    private const string Probe = """
        using Example.Types.Shapes;

        namespace Example.App;

        /// <summary>Uses the generated types.</summary>
        public static class Probe
        {
            /// <summary>Describes what the generated types did.</summary>
            public static string Run()
            {
                Shape shape = new Shape.Circle(2.5f);
                var matched = shape.Match(c => "circle " + c.Value_, r => "rectangle", e => "empty", v => "value " + v.Value_, s => "shape");
                var empty = new Shape.Empty().Match(c => "circle", r => "rectangle", e => "empty", v => "value", s => "shape");
                var highBit = (ulong)ThirtyThree.B33;
                var small = (byte)(Small.A | Small.C);
                var none = (byte)NoneFlag.None + "," + (byte)NoneFlag.Some;
                var equal = new Point(1, 2) == new Point(1, 2);
                var green = (int)Color.Green;
                WitHost.Result<uint, string> ok = WitHost.Result<uint, string>.Ok(7);
                WitHost.Option<uint?> someNone = WitHost.Option<uint?>.Some(null);
                return $"{matched}|{empty}|{highBit}|{small}|{none}|{equal}|{green}|{ok}|{someNone.HasValue}";
            }
        }
        """;

    [Fact]
    public void GeneratedTypesBehaveAsMapped()
    {
        var directory = Path.Combine(RepositoryPaths.Wit, "types");
        var hostPath = Path.Combine(directory, "Host.cs");
        var compilation = GeneratorHarness.CreateCompilation((hostPath, File.ReadAllText(hostPath)), ("/src/Probe.cs", Probe));
        GeneratorHarness.CreateDriver(GeneratorHarness.WitFilesIn(directory))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("generated", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var result = (string)assembly.GetType("Example.App.Probe")!.GetMethod("Run")!.Invoke(null, null)!;

            // none-flag has a flag called `none`, so no None = 0 member is added: `none` is bit 0.
            Assert.Equal("circle 2.5|empty|4294967296|5|1,2|True|1|Ok(7)|True", result);
        }
        finally
        {
            context.Unload();
        }
    }
}
