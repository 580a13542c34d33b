using Microsoft.CodeAnalysis;
using WitHost.Generator.Binding;
using WitHost.Generator.Model;
using WitHost.Generator.Tests.TestSupport;
using WitHost.Wit;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Generator.Tests;

/// <summary>
/// Every kind of WIT type the resolved model has (and so the dynamic codec lifts and lowers)
/// either generates, as an import entry and an export wrapper that compile, or gets a diagnostic
/// at the function's name in the .wit file that names the function left out: never a silent gap. The kinds are
/// enumerated from the model (<see cref="WitType"/>'s concrete records, <see cref="WitPrimitiveKind"/>,
/// <see cref="WitHandleKind"/>, fixed-length lists), so a new kind fails
/// <see cref="Every_kind_of_the_model_has_a_sample"/> until it has a sample here and is handled.
/// </summary>
public sealed class TypeKindParityTests
{
    private const string WitPath = "/project/kinds.wit";
    private const string HostPath = "/project/Host.cs";
    private const string HostSource = "using WitHost;\n\n[WitHost(\"kinds.wit\")] internal partial class Host;\n";

    /// <summary>A sample per kind: declarations, the import's and the export's signature.</summary>
    private static readonly (string Kind, string Declarations, string Signature)[] s_samples =
    [
        .. Enum.GetValues<WitPrimitiveKind>().Select(kind => (kind.ToString(), "", Echo(kind.ToString().ToLowerInvariant()))),
        ("list", "", Echo("list<u16>")),
        ("fixed list", "", Echo("list<u16, 3>")),
        ("tuple", "", Echo("tuple<u8, string>")),
        ("record", "record point { x: s32, label: string }", Echo("point")),
        ("variant", "variant shape { circle(f32), dot, named(string) }", Echo("shape")),
        ("enum", "enum color { red, green }", Echo("color")),
        ("flags", "flags perms { read, write }", Echo("perms")),
        ("option", "", Echo("option<u32>")),
        ("result", "", Echo("result<u32, string>")),
        ("alias", "type meters = u64;", Echo("meters")),
        ("map", "", Echo("map<string, u32>")),
        ("own", "resource thing;", Echo("own<thing>")),
        ("borrow", "resource thing;", "(v: borrow<thing>) -> u32"),
        ("future", "", Echo("future<u32>")),
        ("stream", "", Echo("stream<u8>")),
        ("error-context", "", Echo("error-context")),
    ];

    public static TheoryData<string> Kinds => new(s_samples.Select(sample => sample.Kind));

    [Fact]
    public void Every_kind_of_the_model_has_a_sample()
    {
        var expected = typeof(WitType).Assembly.GetTypes()
            // Public records only: the resolver's internal placeholder for a name not resolved yet is no kind of value.
            .Where(type => type.IsPublic && type.IsSubclassOf(typeof(WitType)) && !type.IsAbstract)
            .SelectMany(type => type == typeof(WitPrimitiveType) ? Enum.GetNames<WitPrimitiveKind>().Select(kind => "WitPrimitiveType." + kind)
                : type == typeof(WitHandleType) ? Enum.GetNames<WitHandleKind>().Select(kind => "WitHandleType." + kind)
                : type == typeof(WitListType) ? ["WitListType", "WitListType.fixed"]
                : [type.Name])
            .Order(StringComparer.Ordinal)
            .ToList();

        var sampled = s_samples
            .SelectMany(sample => KindsOf(Parameter(Resolve(sample), "f")))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, sampled);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_kind_generates_or_is_reported_where_it_is_used(string kind)
    {
        var sample = s_samples.Single(candidate => candidate.Kind == kind);
        var wit = Wit(sample);
        var run = GeneratorHarness.Run(HostPath, HostSource, [new InMemoryAdditionalText(WitPath, wit)]);
        Assert.Empty(run.CompilationProblems);

        var spec = new HostSpec("", "Host", "kinds.wit", HostPath, null, StringEncodingKind.Utf8, new SourceLocationInfo(HostPath, 0, 0, 0, 0, 0, 0));
        var world = WorldGeneration.Bind(WitSourceSelector.Select(spec, new[] { new WitSourceFile(WitPath, wit) }.ToEquatableArray(), "/project")).Binding;
        Assert.NotNull(world);

        var imported = world.ImportProperties.SelectMany(property => property.Calls).Any(call => call.WitName == "f");
        var exported = world.ExportFunctions.Any(call => call.WitName == "g");
        foreach (var (generated, function) in new[] { (imported, "f"), (exported, "g") })
        {
            if (generated)
            {
                continue;
            }

            // Left out: a diagnostic names the function and points at it in the .wit file, as
            // the front end's own errors do, not at the [WitHost] attribute that asked for the world.
            var diagnostic = run.GeneratorDiagnostics.FirstOrDefault(candidate => Mentions(candidate, function));
            Assert.True(diagnostic is not null, $"{kind}: '{function}' is neither generated nor reported ({string.Join("; ", run.GeneratorDiagnostics)})");
            var span = diagnostic.Location.GetLineSpan();
            Assert.True(span.Path == WitPath, $"{kind}: the diagnostic on '{function}' is not located in the .wit file ({diagnostic})");
            var line = wit.Split('\n')[span.StartLinePosition.Line];
            Assert.True(
                line.Contains($"{function}: func", StringComparison.Ordinal) && line.Substring(span.StartLinePosition.Character).StartsWith(function, StringComparison.Ordinal),
                $"{kind}: the diagnostic on '{function}' points at '{line.Substring(span.StartLinePosition.Character)}'");
        }
    }

    private static string Echo(string type) => $"(v: {type}) -> {type}";

    private static string Wit((string Kind, string Declarations, string Signature) sample) => $$"""
        package example:kinds;

        world kinds {
          {{sample.Declarations}}
          import f: func{{sample.Signature}};
          export g: func{{sample.Signature}};
        }
        """;

    private static bool Mentions(Diagnostic diagnostic, string function)
    {
        var message = diagnostic.GetMessage();
        return message.Contains($"'{function}'", StringComparison.Ordinal) || message.Contains($"#{function}'", StringComparison.Ordinal);
    }

    private static WitWorld Resolve((string Kind, string Declarations, string Signature) sample)
    {
        var resolution = WitResolver.ResolveText(Wit(sample), WitPath);
        Assert.False(resolution.HasErrors, sample.Kind + ": " + string.Join("; ", resolution.Diagnostics));
        return resolution.Root!.FindWorld("kinds")!;
    }

    private static WitType Parameter(WitWorld world, string name)
        => world.Imports.OfType<WitWorldFunctionItem>().Single(item => item.Name == name).Function.Parameters[0].Type;

    // The kinds a type is made of at its top: the type itself, and a handle's resource.
    private static IEnumerable<string> KindsOf(WitType type) => type switch
    {
        WitPrimitiveType primitive => ["WitPrimitiveType." + primitive.Kind],
        WitHandleType handle => ["WitHandleType." + handle.Kind, nameof(WitResourceType)],
        WitListType { Length: not null } => ["WitListType.fixed"],
        _ => [type.GetType().Name],
    };
}
