using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Tests;

public sealed class CallTests : IDisposable
{
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;
    private readonly WamrInstance _instance;

    public CallTests()
    {
        _module = _engine.LoadModule(CoreGuest.Loadable);
        _instance = _module.Instantiate(CoreGuest.DefaultImports());
    }

    public void Dispose()
    {
        _instance.Dispose();
        _module.Dispose();
        _engine.Dispose();
    }

    [Theory]
    [InlineData(1, 2, 3)]
    [InlineData(int.MaxValue, 1, int.MinValue)]
    [InlineData(-5, -7, -12)]
    public void Calls_with_i32(int a, int b, int sum) =>
        Assert.Equal(sum, _instance.Invoke("add-i32", a, b)[0].AsInt32());

    [Theory]
    [InlineData(1L << 40, 5L, (1L << 40) + 5)]
    [InlineData(long.MaxValue, 1L, long.MinValue)]
    [InlineData(-1L, -1L, -2L)]
    public void Calls_with_i64(long a, long b, long sum) =>
        Assert.Equal(sum, _instance.Invoke("add-i64", a, b)[0].AsInt64());

    [Fact]
    public void Calls_with_f32_keep_every_bit()
    {
        Assert.Equal(7.5f, _instance.Invoke("mul-f32", 2.5f, 3f)[0].AsSingle());
        Assert.True(float.IsPositiveInfinity(_instance.Invoke("mul-f32", float.MaxValue, 2f)[0].AsSingle()));
        Assert.True(float.IsNaN(_instance.Invoke("mul-f32", float.NaN, 1f)[0].AsSingle()));
    }

    [Fact]
    public void Calls_with_f64_keep_every_bit()
    {
        Assert.Equal(0.1 * 0.2, _instance.Invoke("mul-f64", 0.1, 0.2)[0].AsDouble());
        Assert.Equal(-0.0, _instance.Invoke("mul-f64", -1.0, 0.0)[0].AsDouble());
        Assert.True(double.IsNegative(_instance.Invoke("mul-f64", -1.0, 0.0)[0].AsDouble()));
    }

    [Fact]
    public void A_function_without_results_returns_none()
    {
        Assert.Empty(_instance.Invoke("nothing"));
    }

    [Fact]
    public void The_raw_cell_path_packs_i64_in_two_cells()
    {
        WamrFunction add = _instance.GetFunction("add-i64");
        Assert.Equal(4, add.ParameterCells);
        Assert.Equal(2, add.ResultCells);
        Span<uint> cells = [uint.MaxValue, 0, 1, 0];
        add.InvokeCells(cells);
        Assert.Equal(1UL << 32, cells[0] | ((ulong)cells[1] << 32));
    }

    [Fact]
    public void Scalar_calls_allocate_nothing_on_the_cell_path()
    {
        WamrFunction add = _instance.GetFunction("add-i32");
        Span<uint> cells = stackalloc uint[2];
        for (int i = 0; i < 100; i++)
        {
            cells[0] = 1; cells[1] = 2;
            add.InvokeCells(cells);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            cells[0] = (uint)i; cells[1] = 2;
            add.InvokeCells(cells);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Wrong_arguments_are_rejected_before_the_call()
    {
        Assert.Throws<ArgumentException>(() => _instance.Invoke("add-i32", 1));
        Assert.Throws<ArgumentException>(() => _instance.Invoke("add-i32", 1L, 2L));
        Assert.False(_instance.IsFaulted);
    }

    [Fact]
    public void A_missing_export_is_named()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => _instance.GetFunction("no-such-export"));
        Assert.Contains("no-such-export", e.Message);
        Assert.Null(_instance.TryGetFunction("no-such-export"));
    }

    [Fact]
    public void A_name_with_a_nul_finds_no_export_though_its_start_names_one()
    {
        // WAMR looks exports up by C string, which would end this name at the NUL.
        Assert.Null(_instance.TryGetFunction("add-i32\0anything"));
        Assert.NotNull(_instance.TryGetFunction("add-i32"));
    }

    [Fact]
    public void Exports_report_their_core_type()
    {
        WamrFunction scale = _instance.GetFunction("call-host-f64");
        Assert.Equal(new FunctionType([WasmValueKind.F64, WasmValueKind.F32], [WasmValueKind.F64]), scale.Type);
        Assert.NotEqual(new FunctionType([WasmValueKind.F64], [WasmValueKind.F64]), scale.Type);
    }
}
