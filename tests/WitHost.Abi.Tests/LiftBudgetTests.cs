using System.Buffers;
using System.Text;
using WitHost.Wamr;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>
/// How lifts count against a call's budget (<see cref="CanonicalAbiContext.MaxLiftBytes"/>): the
/// same rule for generated bindings and the dynamic codec, each with the least its host values
/// take per list element.
/// </summary>
public sealed class LiftBudgetTests
{
    [Fact]
    public void Each_path_counts_a_list_at_what_its_host_form_takes()
    {
        var bytes = Context(StringEncoding.Utf8, ulong.MaxValue);
        BindingSupport.LoadBytes(bytes, 16, 100);
        Assert.Equal(100ul, bytes.LiftedBytes); // byte[]: one byte each

        var generated = Context(StringEncoding.Utf8, ulong.MaxValue);
        BindingSupport.CheckList(generated, 16, 100, 1, 1);
        Assert.Equal(800ul, generated.LiftedBytes); // T[]: a slot of 8 bytes each at least

        var dynamic = Context(StringEncoding.Utf8, ulong.MaxValue);
        CanonicalLoad.LoadListFromRange(dynamic, WitPrimitiveType.U8, 16, 100);
        Assert.Equal(3200ul, dynamic.LiftedBytes); // a value object of 32 bytes each at least

        var large = Context(StringEncoding.Utf8, ulong.MaxValue);
        BindingSupport.CheckList(large, 16, 10, 40, 4);
        Assert.Equal(400ul, large.LiftedBytes); // elements larger than that count their own size
    }

    /// <summary>A string of 10 code units in each encoding (and each form of latin1+utf16), and what its lift counts.</summary>
    public static TheoryData<StringEncoding, uint, ulong> TenCodeUnitStrings => new()
    {
        { StringEncoding.Utf8, 10u, 20ul },
        { StringEncoding.Utf16, 10u, 20ul },
        { StringEncoding.Latin1Utf16, 10u, 20ul },
        { StringEncoding.Latin1Utf16, 10u | CanonicalStrings.Utf16Tag, 20ul },
    };

    [Theory]
    [MemberData(nameof(TenCodeUnitStrings))]
    public void A_string_counts_two_bytes_per_code_unit(StringEncoding encoding, uint taggedLength, ulong counted)
    {
        var context = Context(encoding, ulong.MaxValue);
        CanonicalStrings.Load(context, 16, taggedLength);
        Assert.Equal(counted, context.LiftedBytes);
    }

    [Theory]
    [MemberData(nameof(TenCodeUnitStrings))]
    public void A_string_lifted_into_a_buffer_writer_counts_as_the_string_does(StringEncoding encoding, uint taggedLength, ulong counted)
    {
        var context = Context(encoding, ulong.MaxValue);
        var writer = new ArrayBufferWriter<byte>();
        var written = CanonicalStrings.LoadUtf8(context, 16, taggedLength, writer);
        Assert.Equal(counted, context.LiftedBytes);
        var expected = Encoding.UTF8.GetBytes(CanonicalStrings.Load(Context(encoding, ulong.MaxValue), 16, taggedLength));
        Assert.Equal(expected, writer.WrittenSpan.ToArray());
        Assert.Equal(expected.Length, written);
    }

    [Fact]
    public void A_string_lifted_into_a_buffer_writer_past_the_budget_is_a_trap()
    {
        var context = Context(StringEncoding.Utf8, 100);
        var writer = new ArrayBufferWriter<byte>();
        CanonicalStrings.LoadUtf8(context, 16, 25, writer);
        CanonicalStrings.Load(context, 16, 25);
        var trap = Assert.Throws<WasmTrapException>(() => CanonicalStrings.LoadUtf8(context, 16, 1, writer));
        Assert.Contains("past the limit of 100 bytes", trap.TrapMessage, StringComparison.Ordinal);
        Assert.Equal(25, writer.WrittenCount);
    }

    [Fact]
    public void Past_the_budget_is_a_trap_and_the_budget_is_for_all_lifts_of_the_context()
    {
        var context = Context(StringEncoding.Utf8, 100);
        CanonicalStrings.Load(context, 16, 25);
        CanonicalStrings.Load(context, 16, 25);
        var trap = Assert.Throws<WasmTrapException>(() => CanonicalStrings.Load(context, 16, 1));
        Assert.Contains("past the limit of 100 bytes", trap.TrapMessage, StringComparison.Ordinal);
        Assert.Equal(100ul, context.LiftedBytes);
    }

    [Fact]
    public void The_default_is_64_MiB()
    {
        Assert.Equal(64ul << 20, CanonicalAbiContext.DefaultMaxLiftBytes);
        Assert.Equal(CanonicalAbiContext.DefaultMaxLiftBytes, new InstanceOptions().MaxLiftBytes);
        Assert.Equal(CanonicalAbiContext.DefaultMaxLiftBytes, Context(StringEncoding.Utf8).MaxLiftBytes);
    }

    private static CanonicalAbiContext Context(StringEncoding encoding, ulong? maxLiftBytes = null)
    {
        // 'a' everywhere: valid in all three encodings.
        var memory = new BumpAllocatorMemory([.. Enumerable.Repeat((byte)'a', 4096)], 2048);
        return maxLiftBytes is { } max
            ? new CanonicalAbiContext(memory, encoding, "f", max)
            : new CanonicalAbiContext(memory, encoding, "f");
    }
}
