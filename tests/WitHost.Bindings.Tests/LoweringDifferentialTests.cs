using System.Reflection;
using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The generated lowering against the dynamic codec (<see cref="DynamicExportCall"/>), on seeded
/// random values of the round-trip world's types.
/// </summary>
/// <remarks>
/// How: each value is passed to the same export of the round-trip guest twice, from two fresh
/// instances that differ only in who lowers the argument: the generated export wrapper, or
/// <see cref="DynamicExportCall"/>. Both instances are made by the generated <c>Instantiate</c> with
/// the same echoing host, so the import side is identical. Every host-side <c>cabi_realloc</c> goes
/// through <see cref="WamrInstance.Realloc"/>, whose internal observer records the calls
/// (arguments and returned pointer); after the call the guest's whole linear memory is copied. The
/// guest frees what it was given but the freed bytes stay, so the snapshot holds every lowered
/// string, list and spilled record. The calls and the snapshots must be equal.
/// The generated argument is not retyped by hand: a third instance calls the export dynamically
/// and keeps what the generated import entry lifted from the guest, i.e. the C# form of the value.
/// </remarks>
public sealed class LoweringDifferentialTests : IClassFixture<RoundtripGuest>
{
    private const string ExportPrefix = "example:roundtrip/echoes#";
    private const int ValuesPerFunction = 12;

    private static readonly WitInterface s_echoes = LoadEchoes();

    private readonly RoundtripGuest _guest;

    public LoweringDifferentialTests(RoundtripGuest guest) => _guest = guest;

    /// <summary>The one-argument echo functions whose values are aggregates or strings (records with strings, lists of records, variants, options, results, flags, tuples, nested lists).</summary>
    public static TheoryData<string> Functions => new()
    {
        "echo-string",
        "echo-char",
        "echo-point",
        "echo-person",
        "echo-team",
        "echo-level",
        "echo-permissions",
        "echo-many",
        "echo-event",
        "echo-option-string",
        "echo-option-point",
        "echo-result",
        "echo-result-ok",
        "echo-result-err",
        "echo-result-both",
        "echo-tuple",
        "echo-list-u8",
        "echo-list-string",
        "echo-list-person",
        "echo-list-list",
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Generated_lowering_leaves_the_same_memory_and_reallocs_as_the_dynamic_codec(string name)
    {
        var function = s_echoes.Functions.Single(candidate => candidate.Name == name);
        var parameterType = Assert.Single(function.Parameters).Type;
        var wrapper = GeneratedValues.StringFormWrapper(typeof(RoundtripHost.Guest).GetProperty("Echoes")!.PropertyType, DifferentialRuns.ToPascalCase(name))!;
        var values = new RandomWitValueSource(seed: name.Length * 7919 + name[^1]);

        for (var i = 0; i < ValuesPerFunction; i++)
        {
            var value = values.Value(parameterType);
            var typed = ToGenerated(function, value);

            var dynamicRun = Run(guest => DynamicExportCall.Invoke(guest.Instance, ExportPrefix + name, function, [value]));
            var generatedRun = Run(guest => DifferentialRuns.Call(wrapper, guest.Echoes, typed));

            Assert.True(dynamicRun.Reallocs.Count > 0 || !NeedsMemory(parameterType), $"{name}: no cabi_realloc for {value}");
            Assert.Equal(dynamicRun.Reallocs, generatedRun.Reallocs);
            var difference = DifferentialRuns.FirstDifference(dynamicRun.Memory, generatedRun.Memory);
            Assert.True(difference < 0, $"{name}({value}): memory differs at {difference}");
        }
    }

    /// <summary>The value as the generated code types it: what the generated import entry lifts when the dynamic codec passes it through the guest.</summary>
    private object? ToGenerated(WitFunction function, WitValue value)
    {
        var host = new EchoHost();
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        DynamicExportCall.Invoke(guest.Instance, ExportPrefix + function.Name, function, [value]);
        var (called, argument) = Assert.Single(host.Calls);
        Assert.Equal(function.Name, called);
        return argument;
    }

    private (List<(uint, uint, uint, uint, uint)> Reallocs, byte[] Memory) Run(Action<RoundtripHost.Guest> call)
    {
        var host = new EchoHost { Records = false };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        var reallocs = new List<(uint, uint, uint, uint, uint)>();
        guest.Instance.ReallocObserver = (pointer, size, alignment, newSize, result) => reallocs.Add((pointer, size, alignment, newSize, result));
        call(guest);
        guest.Instance.ReallocObserver = null;
        return (reallocs, guest.Instance.Memory.Span.ToArray());
    }

    private static bool NeedsMemory(WitType type) => type.Unaliased switch
    {
        WitPrimitiveType primitive => primitive.Kind == WitPrimitiveKind.String,
        _ => false,
    };

    private static WitInterface LoadEchoes()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("WitHost.slnx not found above " + AppContext.BaseDirectory);
        }

        var resolution = WitResolver.ResolvePath(Path.Combine(directory.FullName, "wit", "roundtrip.wit"));
        Assert.False(resolution.HasErrors);
        return resolution.Root!.FindInterface("echoes")!;
    }
}
