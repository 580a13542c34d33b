using System.Text;
using WitHost.Wamr;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>The dynamic Canonical ABI beyond the spec vectors: other encodings when storing, wide flags, validation, moving memory.</summary>
public sealed class CanonicalAbiTests
{
    [Fact]
    public void Utf16StoresCodeUnitsIn2AlignedMemory()
    {
        var memory = new BumpAllocatorMemory(new byte[32], 9);
        var context = new CanonicalAbiContext(memory, StringEncoding.Utf16, "f");

        var (pointer, length) = CanonicalStrings.Store(context, "h\U0001F600");

        Assert.Equal(10u, pointer);
        Assert.Equal(3u, length);
        Assert.Equal("h\U0001F600", Encoding.Unicode.GetString(memory.Bytes.Slice(10, 6)));
        Assert.Equal([(0u, 0u, 2u, 6u)], memory.Calls);
    }

    [Fact]
    public void Latin1Utf16StoresLatin1WhenEveryCharacterFits()
    {
        var memory = new BumpAllocatorMemory(new byte[32], 8);
        var context = new CanonicalAbiContext(memory, StringEncoding.Latin1Utf16, "f");

        var (pointer, length) = CanonicalStrings.Store(context, "caf\u00e9");

        Assert.Equal(4u, length);
        Assert.Equal(new byte[] { (byte)'c', (byte)'a', (byte)'f', 0xE9 }, memory.Bytes.Slice((int)pointer, 4).ToArray());
        Assert.Equal("caf\u00e9", CanonicalStrings.Load(context, pointer, length));
    }

    [Fact]
    public void Latin1Utf16SwitchesToTaggedUtf16AtTheFirstWideCharacter()
    {
        var memory = new BumpAllocatorMemory(new byte[64], 8);
        var context = new CanonicalAbiContext(memory, StringEncoding.Latin1Utf16, "f");

        var (pointer, tagged) = CanonicalStrings.Store(context, "ab\u20ACc");

        Assert.Equal(4u | CanonicalStrings.Utf16Tag, tagged);
        Assert.Equal("ab\u20ACc", Encoding.Unicode.GetString(memory.Bytes.Slice((int)pointer, 8)));
        Assert.Equal([(0u, 0u, 2u, 4u), (8u, 4u, 2u, 8u)], memory.Calls);
        Assert.Equal("ab\u20ACc", CanonicalStrings.Load(context, pointer, tagged));
    }

    [Fact]
    public void StringsWithLoneSurrogatesAreRefused()
    {
        var context = new CanonicalAbiContext(new BumpAllocatorMemory(new byte[32], 8), StringEncoding.Utf8, "f");
        Assert.Throws<ArgumentException>(() => CanonicalStrings.Store(context, "a\uD800"));
    }

    [Theory]
    [InlineData(StringEncoding.Utf8, new byte[] { 0xC3, 0x28 }, 2u, "not valid UTF-8")]
    [InlineData(StringEncoding.Utf16, new byte[] { 0x00, 0xD8, 0x41, 0x00 }, 2u, "not valid UTF-16")]
    [InlineData(StringEncoding.Utf8, new byte[] { 0x41 }, 1u << 28, "longer than the Canonical ABI allows")]
    [InlineData(StringEncoding.Utf8, new byte[] { 0x41 }, 100u, "outside the memory")]
    public void InvalidStringsTrap(StringEncoding encoding, byte[] content, uint length, string reason)
    {
        var bytes = new byte[16];
        content.CopyTo(bytes, 8);
        var context = new CanonicalAbiContext(new BumpAllocatorMemory(bytes, 16), encoding, "f");

        var trap = Assert.Throws<WasmTrapException>(() => CanonicalStrings.Load(context, 8, length));
        Assert.Contains(reason, trap.TrapMessage);
        Assert.Equal("f", trap.FunctionName);
    }

    [Fact]
    public void MisalignedListsAndPointersTrap()
    {
        var bytes = new byte[32];
        var context = new CanonicalAbiContext(new BumpAllocatorMemory(bytes, 32), StringEncoding.Utf8, "f");

        Assert.Contains("not aligned to 4", Assert.Throws<WasmTrapException>(() => CanonicalLoad.LoadListFromRange(context, WitPrimitiveType.U32, 2, 1)).TrapMessage);
        Assert.Contains("not aligned to 8", Assert.Throws<WasmTrapException>(() => CanonicalLoad.Load(context, WitPrimitiveType.U64, 4)).TrapMessage);
        Assert.Contains("outside the memory", Assert.Throws<WasmTrapException>(() => CanonicalLoad.Load(context, WitPrimitiveType.U64, 32)).TrapMessage);
        Assert.Contains("longer than", Assert.Throws<WasmTrapException>(() => CanonicalLoad.LoadListFromRange(context, WitPrimitiveType.U64, 8, uint.MaxValue)).TrapMessage);
    }

    /// <summary>
    /// A list the host lowers is held to the same 2^28 - 1 bytes a lift allows, on the dynamic path
    /// as in generated bindings (<see cref="BindingSupport.AllocateList"/>), and refused before
    /// anything is allocated in the guest. Elements of 64 KiB (a fixed-length list, shared by every
    /// element) make the limit reachable with 4096 of them.
    /// </summary>
    [Theory]
    [InlineData(4095, false)]
    [InlineData(4096, true)]
    public void ListsPastTheByteLimitAreRefusedBeforeAllocatingOnBothPaths(int count, bool refused)
    {
        var element = new WitListType(WitPrimitiveType.U8, 1u << 16);
        var elementValue = new WitListValue([.. Enumerable.Repeat<WitValue>(new WitIntegerValue(0), 1 << 16)]);
        var list = new WitListValue([.. Enumerable.Repeat<WitValue>(elementValue, count)]);
        var dynamicMemory = new BumpAllocatorMemory(new byte[64], 8);
        var generatedMemory = new BumpAllocatorMemory(new byte[64], 8);
        var dynamicContext = new CanonicalAbiContext(dynamicMemory, StringEncoding.Utf8, "f");
        var generatedContext = new CanonicalAbiContext(generatedMemory, StringEncoding.Utf8, "f");

        var dynamicError = Record.Exception(() => CanonicalLower.LowerFlat(dynamicContext, new WitListType(element), list));
        var generatedError = Record.Exception(() => BindingSupport.AllocateList(generatedContext, count, 1u << 16, 1));

        if (refused)
        {
            Assert.Contains("longer than the Canonical ABI allows", Assert.IsType<ArgumentException>(dynamicError).Message);
            Assert.Contains("longer than the Canonical ABI allows", Assert.IsType<ArgumentException>(generatedError).Message);
            Assert.Empty(dynamicMemory.Calls);
            Assert.Empty(generatedMemory.Calls);
        }
        else
        {
            // Within the limit both ask the guest for the block, which this small memory cannot hold.
            Assert.Contains("outside the memory", Assert.IsType<WasmTrapException>(dynamicError).TrapMessage);
            Assert.Contains("outside the memory", Assert.IsType<WasmTrapException>(generatedError).TrapMessage);
            Assert.Equal([(0u, 0u, 1u, 4095u << 16)], dynamicMemory.Calls);
            Assert.Equal(dynamicMemory.Calls, generatedMemory.Calls);
        }
    }

    [Fact]
    public void BoolsAreTrueForAnyNonZeroByte()
    {
        var bytes = new byte[16];
        bytes[8] = 2;
        var context = new CanonicalAbiContext(new BumpAllocatorMemory(bytes, 16), StringEncoding.Utf8, "f");

        Assert.Equal(new WitBoolValue(true), CanonicalLoad.Load(context, WitPrimitiveType.Bool, 8));
        Assert.Equal(new WitBoolValue(true), CanonicalLift.LiftFlat(context, WitPrimitiveType.Bool, [WasmValue.FromUInt32(0x100)]));
    }

    [Fact]
    public void WideFlagsRoundTripAndIgnoreBitsBeyondTheLastFlag()
    {
        var flags = TestTypes.Flags("g", 40);
        var value = new WitFlagsValue(["f0", "f31", "f32", "f39"]);
        var memory = new BumpAllocatorMemory(new byte[32], 8);
        var context = new CanonicalAbiContext(memory, StringEncoding.Utf8, "f");

        CanonicalStore.Store(context, flags, value, 8);
        Assert.Equal("0100008081000000", Convert.ToHexStringLower(memory.Bytes.Slice(8, 8)));
        memory.Bytes[15] = 0xFF;
        Assert.Equal(value, CanonicalLoad.Load(context, flags, 8));

        var flat = CanonicalLower.LowerFlat(context, flags, value);
        Assert.Equal([WasmValue.FromUInt32(0x80000001), WasmValue.FromUInt32(0x81)], flat);
        Assert.Equal(value, CanonicalLift.LiftFlat(context, flags, [WasmValue.FromUInt32(0x80000001), WasmValue.FromUInt32(0xFFFFFF81)]));
    }

    [Fact]
    public void FixedLengthListsAndHandlesStoreInline()
    {
        var type = new WitTupleType(Wit.Collections.EquatableArray.Create<WitType>(new WitListType(WitPrimitiveType.U16, 3), new WitHandleType(WitHandleKind.Own, TestTypes.Resource("r"))));
        var value = new WitTupleValue([new WitListValue([new WitIntegerValue(1), new WitIntegerValue(2), new WitIntegerValue(3)]), new WitHandleValue(7)]);
        var memory = new BumpAllocatorMemory(new byte[32], 8);
        var context = new CanonicalAbiContext(memory, StringEncoding.Utf8, "f");

        CanonicalStore.Store(context, type, value, 8);

        Assert.Equal("010002000300000007000000", Convert.ToHexStringLower(memory.Bytes.Slice(8, 12)));
        Assert.Empty(memory.Calls);
        Assert.Equal(value, CanonicalLoad.Load(context, type, 8));
        Assert.Equal(4, CanonicalLower.LowerFlat(context, type, value).Count);
    }

    [Fact]
    public void StoringReReadsMemoryAfterEveryRealloc()
    {
        var record = TestTypes.Record("r", ("names", new WitListType(WitPrimitiveType.String)), ("note", WitPrimitiveType.String));
        var value = new WitRecordValue([new("names", new WitListValue([new WitStringValue("one"), new WitStringValue("two\u00e9")])), new("note", new WitStringValue("x"))]);
        var memory = new MovingMemory();
        var context = new CanonicalAbiContext(memory, StringEncoding.Utf8, "f");
        var layout = CanonicalLayout.Of(record);

        var pointer = context.Allocate(layout.Alignment, layout.Size);
        CanonicalStore.Store(context, record, value, pointer);
        var flat = CanonicalLower.LowerFlat(context, record, value);

        Assert.True(memory.Moves >= 8);
        Assert.Equal(value, CanonicalLoad.Load(context, record, pointer));
        Assert.Equal(value, CanonicalLift.LiftFlat(context, record, flat));
    }

    [Fact]
    public void ValuesThatDoNotFitTheirTypeAreHostErrorsNotTraps()
    {
        var context = new CanonicalAbiContext(new BumpAllocatorMemory(new byte[32], 8), StringEncoding.Utf8, "f");
        Assert.Throws<ArgumentException>(() => CanonicalLower.LowerFlat(context, WitPrimitiveType.U8, new WitIntegerValue(256)));
        Assert.Throws<ArgumentException>(() => CanonicalLower.LowerFlat(context, WitPrimitiveType.U8, new WitStringValue("x")));
        Assert.Throws<ArgumentException>(() => CanonicalLower.LowerFlat(context, TestTypes.Enum("e", "a"), new WitEnumValue("b")));
    }

    [Fact]
    public void ParametersBeyondSixteenFlatValuesTravelAsATupleInMemory()
    {
        var types = Enumerable.Repeat<WitType>(WitPrimitiveType.U32, 17).ToArray();
        var values = Enumerable.Range(0, 17).Select(i => (WitValue)new WitIntegerValue(i)).ToArray();
        var memory = new BumpAllocatorMemory(new byte[128], 8);
        var context = new CanonicalAbiContext(memory, StringEncoding.Utf8, "f");

        var flat = CanonicalLower.LowerValues(context, types, values, CoreFunctionSignature.MaxFlatParams);

        Assert.Equal([WasmValue.FromUInt32(8)], flat);
        Assert.Equal([(0u, 0u, 4u, 68u)], memory.Calls);
        Assert.Equal(values, CanonicalLift.LiftValues(context, types, flat, CoreFunctionSignature.MaxFlatParams).ToArray());
    }
}
