using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>The parts of the ABI model the spec vectors do not reach: fixed-length lists, wide flags, handles, core names.</summary>
public sealed class AbiModelTests
{
    [Fact]
    public void FixedLengthListsAreInlineRepeats()
    {
        var layout = CanonicalLayout.Of(new WitListType(new WitTupleType(EquatableArray.Create<WitType>(WitPrimitiveType.U8, WitPrimitiveType.U16)), 3));
        Assert.Equal(12u, layout.Size);
        Assert.Equal(2u, layout.Alignment);
        Assert.Equal(Enumerable.Repeat(CoreValueType.I32, 6), layout.Flat);
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(8, 1, 1, 1)]
    [InlineData(9, 2, 2, 1)]
    [InlineData(32, 4, 4, 1)]
    [InlineData(33, 8, 4, 2)]
    [InlineData(64, 8, 4, 2)]
    [InlineData(65, 12, 4, 3)]
    public void FlagsTakeOneI32PerThirtyTwoFlags(int count, uint size, uint alignment, int flatCount)
    {
        var layout = CanonicalLayout.Of(TestTypes.Flags("g", count));
        Assert.Equal(size, layout.Size);
        Assert.Equal(alignment, layout.Alignment);
        Assert.Equal(flatCount, layout.Flat.Count);
    }

    [Theory]
    [InlineData(256, 1u)]
    [InlineData(257, 2u)]
    [InlineData(65536, 2u)]
    [InlineData(65537, 4u)]
    public void DiscriminantsGrowWithTheCaseCount(int cases, uint size)
        => Assert.Equal(size, CanonicalLayout.DiscriminantSize(cases));

    [Fact]
    public void HandlesAreI32()
    {
        var resource = TestTypes.Resource("file");
        Assert.Equal(new AbiTypeLayout(4, 4, EquatableArray.Create(CoreValueType.I32)), CanonicalLayout.Of(new WitHandleType(WitHandleKind.Own, resource)));
        Assert.Equal(new AbiTypeLayout(4, 4, EquatableArray.Create(CoreValueType.I32)), CanonicalLayout.Of(new WitHandleType(WitHandleKind.Borrow, resource)));
    }

    [Fact]
    public void VariantPayloadsJoinSlotBySlot()
    {
        var variant = TestTypes.Variant("v", ("a", WitPrimitiveType.F32), ("b", WitPrimitiveType.U32), ("c", WitPrimitiveType.F64), ("d", null));
        Assert.Equal(EquatableArray.Create(CoreValueType.I32, CoreValueType.I64), CanonicalLayout.Flatten(variant));
        var floats = TestTypes.Variant("w", ("a", WitPrimitiveType.F32), ("b", WitPrimitiveType.F32));
        Assert.Equal(EquatableArray.Create(CoreValueType.I32, CoreValueType.F32), CanonicalLayout.Flatten(floats));
    }

    [Fact]
    public void SignaturesSpillParamsToMemoryAndResultsToAReturnArea()
    {
        var seventeen = Enumerable.Repeat<WitType>(WitPrimitiveType.U32, 17).ToArray();
        var lifted = CoreFunctionSignature.For(seventeen, WitPrimitiveType.String, AbiDirection.Lift);
        Assert.True(lifted.ParamsInMemory);
        Assert.True(lifted.ResultsInMemory);
        Assert.Equal("(param i32) (result i32)", lifted.ToString());
        Assert.Equal(17, lifted.FlatParams.Count);

        var lowered = CoreFunctionSignature.For(seventeen, WitPrimitiveType.String, AbiDirection.Lower);
        Assert.Equal("(param i32 i32) (result)", lowered.ToString());

        var sixteen = CoreFunctionSignature.For(Enumerable.Repeat<WitType>(WitPrimitiveType.U64, 16).ToArray(), WitPrimitiveType.F64, AbiDirection.Lift);
        Assert.False(sixteen.ParamsInMemory);
        Assert.False(sixteen.ResultsInMemory);
        Assert.Equal(16, sixteen.Params.Count);
        Assert.Equal(EquatableArray.Create(CoreValueType.F64), sixteen.Results);
    }

    [Fact]
    public void CoreNamesFollowWitBindgen()
    {
        var package = new WitPackageName("wasi", "io", new WitVersion(0, 2, 0));
        var owner = new WitOwner(WitOwnerKind.Interface, package, "streams", null);
        var resource = new WitResourceType("output-stream", owner, null, WitStability.Unknown);
        var self = new WitParameter("self", new WitHandleType(WitHandleKind.Borrow, resource));
        var write = new WitFunction("write", WitFunctionKind.Method, EquatableArray.Create(self), null, false, resource, owner, null, WitStability.Unknown);
        var plain = new WitFunction("run", WitFunctionKind.Freestanding, EquatableArray<WitParameter>.Empty, null, false, null, owner, null, WitStability.Unknown);
        const string item = "wasi:io/streams@0.2.0";

        Assert.Equal(new CoreImportName(item, "[method]output-stream.write"), CoreNames.Import(item, write));
        Assert.Equal(new CoreImportName("$root", "run"), CoreNames.Import(null, plain));
        Assert.Equal("wasi:io/streams@0.2.0#[method]output-stream.write", CoreNames.Export(item, write));
        Assert.Equal("run", CoreNames.Export(null, plain));
        Assert.Equal("cabi_post_run", CoreNames.PostReturn("run"));
        Assert.Equal(new CoreImportName(item, "[resource-drop]output-stream"), CoreNames.ImportedResourceDrop(item, resource));
        Assert.Equal(new CoreImportName("[export]wasi:io/streams@0.2.0", "[resource-new]output-stream"), CoreNames.ExportedResourceNew(item, resource));
        Assert.Equal(new CoreImportName("[export]wasi:io/streams@0.2.0", "[resource-rep]output-stream"), CoreNames.ExportedResourceRep(item, resource));
        Assert.Equal(new CoreImportName("[export]wasi:io/streams@0.2.0", "[resource-drop]output-stream"), CoreNames.ExportedResourceDrop(item, resource));
        Assert.Equal("wasi:io/streams@0.2.0#[dtor]output-stream", CoreNames.ExportedResourceDestructor(item, resource));
    }

    [Fact]
    public void LayoutsAreValueEqual()
    {
        var first = CanonicalLayout.Of(new WitListType(WitPrimitiveType.String));
        var second = CanonicalLayout.Of(new WitListType(WitPrimitiveType.String));
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
