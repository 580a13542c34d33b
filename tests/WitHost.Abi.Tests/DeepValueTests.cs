using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;

namespace WitHost.Abi.Tests;

/// <summary>
/// Values of types at the WIT front end's depth limit (128 levels, docs/reliability.md "Deep WIT")
/// go through every walk of the dynamic path: WAVE parsing and writing, layout, store and load,
/// flat lowering and lifting. A value nests no deeper than its type, so these are the deepest a
/// WIT file can make them.
/// </summary>
public sealed class DeepValueTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            // v0 is 2 levels; each variant adds one: v125 is 127, the alias 128.
            "variant v0 { a(u32), b }\n" + string.Concat(Enumerable.Range(1, 125).Select(k => $"variant v{k} {{ a(v{k - 1}), b }}\n")),
            "v125",
            string.Concat(Enumerable.Repeat("a(", 126)) + "7" + new string(')', 126)
        },
        {
            // o0 = option<u32> is 3 levels; each link adds two: o62 is 127, the alias 128.
            "type o0 = option<u32>;\n" + string.Concat(Enumerable.Range(1, 62).Select(k => $"type o{k} = option<o{k - 1}>;\n")),
            "o62",
            string.Concat(Enumerable.Repeat("some(", 63)) + "1" + new string(')', 63)
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_value_of_a_type_at_the_depth_limit_goes_every_way(string declarations, string typeName, string wave)
    {
        var type = VectorWit.ResolveType(declarations, typeName);
        var value = WaveParser.Parse(wave, type);
        Assert.Equal(wave, WaveWriter.Write(value));

        var memory = new BumpAllocatorMemory(new byte[1 << 16], 8);
        var context = new CanonicalAbiContext(memory, StringEncoding.Utf8, "deep");
        var layout = CanonicalLayout.Of(type);
        var pointer = context.Allocate(layout.Alignment, layout.Size);
        CanonicalStore.Store(context, type, value, pointer);
        Assert.Equal(value, CanonicalLoad.Load(context, type, pointer));
        Assert.Equal(value, CanonicalLift.LiftFlat(context, type, CanonicalLower.LowerFlat(context, type, value)));
    }

    [Fact]
    public void One_level_more_is_refused_by_the_front_end()
    {
        var declarations = "variant v0 { a(u32), b }\n" + string.Concat(Enumerable.Range(1, 126).Select(k => $"variant v{k} {{ a(v{k - 1}), b }}\n"));
        var exception = Assert.ThrowsAny<Exception>(() => VectorWit.ResolveType(declarations, "v126"));
        Assert.Contains("WIT0103", exception.Message);
    }
}
