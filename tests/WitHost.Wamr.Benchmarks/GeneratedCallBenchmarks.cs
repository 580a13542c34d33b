using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Example.Resources.Counters;
using Example.Sample.Lists;
using WitHost.Wamr.Benchmarks.Generated;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// The typed calls <c>[WitHost]</c> generates, on WAMR, next to the same export called through the
/// dynamic Canonical ABI path (<see cref="DynamicExportCall"/> with <see cref="WitValue"/>s, what
/// <c>wit-host call</c> does). Each category is one WIT call; where a dynamic path exists it is the
/// category's baseline, so the Ratio column reads generated / dynamic.
/// </summary>
/// <remarks>
/// The sample world's calls run on samples/HelloWorld/guest/sample.wasm, the resources world's on
/// tests/guests/resources.wasm. The generated and the dynamic calls each get their own instance of
/// the same module; the dynamic one serves the logging imports through <see cref="DynamicHostImport"/>,
/// so its guest-to-host calls are dynamic too. Dynamic arguments are parsed from WAVE once, in setup:
/// the measured call is the lowering, the call and the lifting, not the text parsing.
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class GeneratedCallBenchmarks
{
    private const string Scalar = "integers.add-u8";
    private const string ShortString = "strings.reverse, 16 chars";
    private const string KilobyteString = "strings.reverse, 1 KiB";
    private const string ShapeList = "lists.areas, 100 shapes";
    private const string ResultCall = "results.parse-u32 -> result";
    private const string HostImport = "void-func -> logging.log-str";
    private const string ResourceMethod = "counter.increment";
    private const string ResourceLifetime = "counter constructor + drop";

    private static readonly string s_short = "generated-calls!";
    private static readonly string s_kilobyte = string.Concat(Enumerable.Repeat("0123456789abcdef", 64));

    private WamrEngine _engine = null!;
    private WamrModule _sampleModule = null!;
    private WamrModule _resourcesModule = null!;
    private SampleHost.Guest _sample = null!;
    private WamrInstance _dynamic = null!;
    private ResourcesHost.Guest _resources = null!;
    private Counter _counter = null!;
    private WamrFunction _addU8Core = null!;
    private Shape[] _shapes = null!;

    private DynamicCall _dynamicAddU8 = null!;
    private DynamicCall _dynamicReverseShort = null!;
    private DynamicCall _dynamicReverseKilobyte = null!;
    private DynamicCall _dynamicAreas = null!;
    private DynamicCall _dynamicParseU32 = null!;
    private DynamicCall _dynamicVoidFunc = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new WamrEngine();
        _sampleModule = _engine.LoadModule(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "sample.wasm")));
        _resourcesModule = _engine.LoadModule(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "resources.wasm")));

        var logging = new CountingLogging();
        _sample = SampleHost.Instantiate(_sampleModule, new SampleHost.Imports { Logging = logging, Sample = logging });
        _addU8Core = _sample.Instance.GetFunction("example:sample/integers#add-u8");
        _shapes = [.. Enumerable.Range(0, 100).Select(i => (i % 3) switch
        {
            0 => (Shape)new Shape.Circle(i),
            1 => new Shape.Rectangle((i, i + 0.5)),
            _ => new Shape.Dot(),
        })];

        _resources = ResourcesHost.Instantiate(_resourcesModule, new ResourcesHost.Imports { Store = new NullStore() });
        _counter = _resources.Counters.CreateCounter("benchmark", 0);

        var resolution = WitResolver.ResolvePath(Path.Combine(AppContext.BaseDirectory, "wit", "sample.wit"));
        if (resolution.HasErrors || resolution.Root?.FindWorld("sample") is not { } world)
        {
            throw new InvalidOperationException("wit/sample.wit does not resolve: " + string.Join(Environment.NewLine, resolution.Diagnostics));
        }

        var bindings = CoreWorldBindings.For(world);
        _dynamic = _sampleModule.Instantiate(DynamicImports(bindings));
        _dynamicAddU8 = DynamicCall.Parse(_dynamic, bindings, "example:sample/integers#add-u8", "(100, 27)");
        _dynamicReverseShort = DynamicCall.Parse(_dynamic, bindings, "example:sample/strings#reverse", $"(\"{s_short}\")");
        _dynamicReverseKilobyte = DynamicCall.Parse(_dynamic, bindings, "example:sample/strings#reverse", $"(\"{s_kilobyte}\")");
        _dynamicAreas = DynamicCall.Parse(_dynamic, bindings, "example:sample/lists#areas", "([" + string.Join(", ", _shapes.Select(ToWave)) + "])");
        _dynamicParseU32 = DynamicCall.Parse(_dynamic, bindings, "example:sample/results#parse-u32", "(\"4294967295\")");
        _dynamicVoidFunc = DynamicCall.Parse(_dynamic, bindings, "void-func", "()");

        // Both paths must give the same answers, or the comparison means nothing.
        Expect(GeneratedAreas().Length == 100 && DynamicAreas() is WitListValue { Elements.Length: 100 }, "areas");
        Expect(GeneratedReverseKilobyte() == ((WitStringValue)DynamicReverseKilobyte()!).Value, "reverse");
        Expect(GeneratedParseU32().Value == 4294967295u, "parse-u32");
        GeneratedVoidFunc();
        Expect(logging.Calls == 1, "void-func logs once");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _counter.Dispose();
        _resources.Dispose();
        _dynamic.Dispose();
        _sample.Dispose();
        _resourcesModule.Dispose();
        _sampleModule.Dispose();
        _engine.Dispose();
    }

    [BenchmarkCategory(Scalar), Benchmark(Description = "core cells (no WIT)")]
    public uint CoreAddU8()
    {
        Span<uint> cells = [100, 27];
        _addU8Core.InvokeCells(cells);
        return cells[0];
    }

    [BenchmarkCategory(Scalar), Benchmark(Description = "generated")]
    public byte GeneratedAddU8() => _sample.Integers.AddU8(100, 27);

    [BenchmarkCategory(Scalar), Benchmark(Baseline = true, Description = "dynamic")]
    public WitValue? DynamicAddU8() => _dynamicAddU8.Invoke();

    [BenchmarkCategory(ShortString), Benchmark(Description = "generated")]
    public string GeneratedReverseShort() => _sample.Strings.Reverse(s_short);

    [BenchmarkCategory(ShortString), Benchmark(Baseline = true, Description = "dynamic")]
    public WitValue? DynamicReverseShort() => _dynamicReverseShort.Invoke();

    [BenchmarkCategory(KilobyteString), Benchmark(Description = "generated")]
    public string GeneratedReverseKilobyte() => _sample.Strings.Reverse(s_kilobyte);

    [BenchmarkCategory(KilobyteString), Benchmark(Baseline = true, Description = "dynamic")]
    public WitValue? DynamicReverseKilobyte() => _dynamicReverseKilobyte.Invoke();

    [BenchmarkCategory(ShapeList), Benchmark(Description = "generated")]
    public double[] GeneratedAreas() => _sample.Lists.Areas(_shapes);

    [BenchmarkCategory(ShapeList), Benchmark(Baseline = true, Description = "dynamic")]
    public WitValue? DynamicAreas() => _dynamicAreas.Invoke();

    [BenchmarkCategory(ResultCall), Benchmark(Description = "generated")]
    public Result<uint, string> GeneratedParseU32() => _sample.Results.ParseU32("4294967295");

    [BenchmarkCategory(ResultCall), Benchmark(Baseline = true, Description = "dynamic")]
    public WitValue? DynamicParseU32() => _dynamicParseU32.Invoke();

    [BenchmarkCategory(HostImport), Benchmark(Description = "generated")]
    public void GeneratedVoidFunc() => _sample.VoidFunc();

    [BenchmarkCategory(HostImport), Benchmark(Baseline = true, Description = "dynamic")]
    public WitValue? DynamicVoidFunc() => _dynamicVoidFunc.Invoke();

    // Guest-exported resources have no dynamic path (wit-host call serves no handles): these two
    // stand alone, next to the scalar call above for scale.
    [BenchmarkCategory(ResourceMethod), Benchmark(Description = "generated")]
    public long GeneratedCounterIncrement() => _counter.Increment(1);

    [BenchmarkCategory(ResourceLifetime), Benchmark(Description = "generated")]
    public void GeneratedCounterCreateAndDispose()
    {
        using var counter = _resources.Counters.CreateCounter("c", 0);
    }

    private static HostImports DynamicImports(CoreWorldBindings bindings)
    {
        var imports = new HostImports();
        foreach (var import in bindings.Imports)
        {
            // log-u32 and log-str return nothing; host-name returns the host's name.
            WitValue? result = import.Function.Result is null ? null : new WitStringValue("WitHost");
            imports.Define(import.CoreName.Module, import.CoreName.Name, DynamicHostImport.Create(import.Function, _ => result));
        }

        return imports;
    }

    private static string ToWave(Shape shape) => shape switch
    {
        Shape.Circle circle => FormattableString.Invariant($"circle({circle.Value:R})"),
        Shape.Rectangle rectangle => FormattableString.Invariant($"rectangle(({rectangle.Value.Item1:R}, {rectangle.Value.Item2:R}))"),
        _ => "dot",
    };

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The generated and dynamic paths disagree: " + what);
        }
    }

    /// <summary>One export called dynamically, with its WIT function and arguments resolved once.</summary>
    private sealed class DynamicCall(WamrInstance instance, string exportName, WitFunction function, IReadOnlyList<WitValue> arguments)
    {
        public static DynamicCall Parse(WamrInstance instance, CoreWorldBindings bindings, string exportName, string waveArguments)
        {
            var export = bindings.Exports.Single(e => e.CoreName == exportName);
            var arguments = WaveParser.ParseArguments(waveArguments, [.. export.Function.Parameters.Select(p => p.Type)]);
            return new DynamicCall(instance, exportName, export.Function, arguments);
        }

        public WitValue? Invoke() => DynamicExportCall.Invoke(instance, exportName, function, arguments);
    }
}
