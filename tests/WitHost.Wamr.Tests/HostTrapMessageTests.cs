using System.Text;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Tests;

/// <summary>
/// The text of a trap a host function raised: any length (it often quotes guest input, as
/// <c>int.Parse</c>'s <see cref="FormatException"/> does), kept whole for the caller of the export,
/// while WAMR gets a bounded start of it.
/// </summary>
public sealed class HostTrapMessageTests : IDisposable
{
    private readonly WamrEngine _engine = new();
    private readonly WamrModule _module;

    public HostTrapMessageTests()
    {
        _module = _engine.LoadModule(CoreGuest.Loadable);
    }

    public void Dispose()
    {
        _module.Dispose();
        _engine.Dispose();
    }

    [Fact]
    public void A_host_exception_with_a_9_MB_message_is_a_trap_that_keeps_the_whole_message()
    {
        var guestInput = new string('7', 9 << 20) + "x";
        var imports = CoreGuest.DefaultImports().Define(CoreGuest.HostModule, "add", call =>
            call.SetResult(int.Parse(guestInput)));
        using var instance = _module.Instantiate(imports);

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("call-host-add", 1, 2));

        var thrown = Assert.IsType<FormatException>(trap.InnerException);
        Assert.EndsWith(thrown.Message, trap.TrapMessage);
        Assert.Contains(guestInput, trap.TrapMessage);
        Assert.StartsWith($"host function '{CoreGuest.HostModule}' 'add' threw FormatException: ", trap.TrapMessage);
        Assert.True(instance.IsFaulted);
    }

    [Fact]
    public void A_long_host_message_is_not_cut_to_wamrs_buffer()
    {
        var message = string.Concat(Enumerable.Range(0, 100).Select(i => $"part {i}; "));
        var imports = CoreGuest.DefaultImports().Define(CoreGuest.HostModule, "add", _ => throw new InvalidOperationException(message));
        using var instance = _module.Instantiate(imports);

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("call-host-add", 1, 2));

        Assert.Equal($"host function '{CoreGuest.HostModule}' 'add' threw InvalidOperationException: {message}", trap.TrapMessage);
        Assert.Contains(message, trap.Message);
    }

    [Fact]
    public void The_trap_of_a_nested_call_keeps_its_own_message()
    {
        // The host function calls into its own instance, whose host function throws; the outer
        // trap carries the inner trap (whole) as its exception.
        var inner = new string('i', 500);
        var depth = 0;
        var imports = CoreGuest.DefaultImports().Define(CoreGuest.HostModule, "add", call =>
        {
            if (depth++ == 0)
            {
                call.SetResult(call.Instance.Invoke("call-host-add", 1, 2)[0].AsInt32());
                return;
            }
            throw new InvalidOperationException(inner);
        });
        using var instance = _module.Instantiate(imports);

        var trap = Assert.Throws<WasmTrapException>(() => instance.Invoke("call-host-add", 1, 2));

        var nested = Assert.IsType<WasmTrapException>(trap.InnerException);
        Assert.EndsWith(inner, nested.TrapMessage);
        Assert.Contains(nested.Message, trap.TrapMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(116)]
    [InlineData(117)]
    [InlineData(9 << 20)]
    public void WAMR_gets_at_most_its_buffer_cut_on_a_character_boundary(int length)
    {
        // Three-byte characters, so a cut in the middle of one would show.
        var message = new string('€', length);
        Span<byte> destination = stackalloc byte[HostImportRegistry.MaxNativeTrapMessageBytes];

        var written = HostImportRegistry.NativeTrapMessage(message, destination);

        var text = Encoding.UTF8.GetString(destination[..written]);
        Assert.True(written <= HostImportRegistry.MaxNativeTrapMessageBytes);
        if (Encoding.UTF8.GetByteCount(message) <= HostImportRegistry.MaxNativeTrapMessageBytes)
        {
            Assert.Equal(message, text);
        }
        else
        {
            Assert.EndsWith("...", text);
            Assert.Equal(new string('€', (HostImportRegistry.MaxNativeTrapMessageBytes - 3) / 3), text[..^3]);
        }
    }
}
