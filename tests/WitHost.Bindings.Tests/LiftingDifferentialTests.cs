using System.Reflection;
using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The generated lifting against the dynamic codec (<see cref="DynamicExportCall"/>), on seeded
/// random memory images of the lift-probe world's result types.
/// </summary>
/// <remarks>
/// How: the lift-probe guest's exports hand back whatever the host wrote at address 1024, as the
/// one flat result or as the return area. For each image (<see cref="RandomMemoryImage"/>: mostly
/// valid values, now and then a broken one, floats of every class including NaN payloads) the
/// same export is called twice, each time on a fresh instance holding the image: once through the
/// generated export wrapper and once through <see cref="DynamicExportCall"/>. Both must lift the
/// same value (floats compared by their bits), or both must trap with the same message.
/// </remarks>
public sealed class LiftingDifferentialTests : IClassFixture<LiftProbeGuest>
{
    private const uint ReturnArea = 1024;
    private const uint HeapStart = 2048;
    private const int ImagesPerFunction = 60;

    private static readonly WitWorld s_world = LoadWorld();

    private readonly LiftProbeGuest _guest;

    public LiftingDifferentialTests(LiftProbeGuest guest) => _guest = guest;

    public static TheoryData<string> Functions
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var item in LoadWorld().Exports.OfType<WitWorldFunctionItem>())
            {
                data.Add(item.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Generated_lifting_gives_the_same_value_or_trap_as_the_dynamic_codec(string name)
    {
        var function = s_world.Exports.OfType<WitWorldFunctionItem>().Single(item => item.Name == name).Function;
        var resultType = function.Result!;
        var wrapper = GeneratedValues.StringFormWrapper(typeof(LiftProbeHost.Guest), ToPascalCase(name))
            ?? throw new InvalidOperationException("No generated method for " + name);
        var images = new RandomMemoryImage(seed: name.Length * 7919 + name[^1], memorySize: 65536);
        var values = 0;
        var traps = 0;

        for (var i = 0; i < ImagesPerFunction; i++)
        {
            var image = images.Next(resultType, ReturnArea, HeapStart);

            var dynamicOutcome = Run(image, guest => DynamicExportCall.Invoke(guest.Instance, name, function, []));
            var generatedOutcome = Run(image, guest => GeneratedValues.ToWit(Call(wrapper, guest), resultType));

            Assert.True(
                dynamicOutcome == generatedOutcome,
                $"{name}, image {i}: the dynamic codec gave {dynamicOutcome}, the generated code {generatedOutcome}");
            values += dynamicOutcome.Value is null ? 0 : 1;
            traps += dynamicOutcome.Value is null ? 1 : 0;
        }

        // The images are mostly valid, and now and then broken where the type has a rule to break:
        // both the values and the traps were compared.
        Assert.True(values >= ImagesPerFunction / 3, $"{name}: only {values} of {ImagesPerFunction} images lifted to a value");
        Assert.True(traps > 0 || !CanTrap(resultType), $"{name}: no image broke a rule");
    }

    // Whether some image of the type breaks a rule a lift checks (a discriminant, a char, UTF-8, a block's bounds).
    private static bool CanTrap(WitType type) => type.Unaliased switch
    {
        WitPrimitiveType primitive => primitive.Kind is WitPrimitiveKind.Char or WitPrimitiveKind.String,
        WitRecordType record => record.Fields.Any(field => CanTrap(field.Type)),
        WitTupleType tuple => tuple.Elements.Any(CanTrap),
        WitFlagsType => false,
        _ => true,
    };

    /// <summary>What lifting gave: a value, or the trap's message.</summary>
    private sealed record Outcome(WitValue? Value, string? Trap)
    {
        public override string ToString() => Value is null ? "trap: " + Trap : Value.ToString() + Bits(Value);

        // WAVE prints every NaN as nan: show the bits, which the comparison uses.
        private static string Bits(WitValue value) => value switch
        {
            WitFloat32Value f when float.IsNaN(f.Value) => $" (0x{BitConverter.SingleToUInt32Bits(f.Value):x8})",
            WitFloat64Value d when double.IsNaN(d.Value) => $" (0x{BitConverter.DoubleToUInt64Bits(d.Value):x16})",
            _ => string.Empty,
        };
    }

    private Outcome Run(byte[] image, Func<LiftProbeHost.Guest, WitValue?> call)
    {
        using var guest = LiftProbeHost.Instantiate(_guest.Module, new LiftProbeHost.Imports());
        image.CopyTo(guest.Instance.Memory.Span);
        try
        {
            return new Outcome(call(guest), null);
        }
        catch (WasmTrapException trap)
        {
            return new Outcome(null, trap.TrapMessage);
        }
    }

    private static object? Call(MethodInfo wrapper, object target)
    {
        try
        {
            return wrapper.Invoke(target, []);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    private static string ToPascalCase(string witName)
        => string.Concat(witName.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static WitWorld LoadWorld()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("WitHost.slnx not found above " + AppContext.BaseDirectory);
        }

        var resolution = WitResolver.ResolvePath(Path.Combine(directory.FullName, "tests", "WitHost.Bindings.Tests", "wit", "lift-probe.wit"));
        Assert.False(resolution.HasErrors);
        return resolution.Root!.FindWorld("lift-probe")!;
    }
}
