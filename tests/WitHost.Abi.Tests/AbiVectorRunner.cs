using System.Text.Json;
using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>Runs one Canonical ABI vector against the project's ABI model and dynamic ABI.</summary>
internal static class AbiVectorRunner
{
    public static void Run(string id, JsonElement vector)
    {
        var kind = vector.GetProperty("kind").GetString();
        var wit = vector.GetProperty("wit").GetString() ?? "";
        switch (kind)
        {
            case "layout":
                RunLayout(vector, VectorWit.ResolveType(wit, vector.GetProperty("type").GetString()!));
                break;
            case "signature":
                RunSignature(vector, wit);
                break;
            case "store":
                RunStore(id, vector, VectorWit.ResolveType(wit, vector.GetProperty("type").GetString()!));
                break;
            case "lower":
                RunLower(id, vector, VectorWit.ResolveType(wit, vector.GetProperty("type").GetString()!));
                break;
            case "load":
            case "lift":
                RunLoadOrLift(id, kind, vector, VectorWit.ResolveType(wit, vector.GetProperty("type").GetString()!));
                break;
            default:
                Assert.Fail($"{id}: unknown vector kind '{kind}'");
                break;
        }
    }

    private static void RunLayout(JsonElement vector, WitType type)
    {
        var layout = CanonicalLayout.Of(type);
        Assert.Equal(vector.GetProperty("size").GetUInt32(), layout.Size);
        Assert.Equal(vector.GetProperty("align").GetUInt32(), layout.Alignment);
        Assert.Equal(Strings(vector.GetProperty("flat")), layout.Flat.Select(f => f.ToString()).ToArray());
    }

    private static void RunSignature(JsonElement vector, string wit)
    {
        var function = VectorWit.ResolveFunction(wit, vector.GetProperty("func").GetString()!);
        foreach (var (property, direction) in new[] { ("lift", AbiDirection.Lift), ("lower", AbiDirection.Lower) })
        {
            var signature = CoreFunctionSignature.For(function, direction);
            var expected = vector.GetProperty(property);
            Assert.Equal(Strings(expected.GetProperty("params")), signature.Params.Select(p => p.ToString()).ToArray());
            Assert.Equal(Strings(expected.GetProperty("results")), signature.Results.Select(p => p.ToString()).ToArray());
        }
    }

    private static void RunStore(string id, JsonElement vector, WitType type)
    {
        var expectedMemory = Convert.FromHexString(vector.GetProperty("memory").GetString()!);
        var memory = new BumpAllocatorMemory(new byte[expectedMemory.Length], vector.GetProperty("base").GetUInt32());
        var context = new CanonicalAbiContext(memory, Encoding(vector), id);
        var value = WaveParser.Parse(vector.GetProperty("value").GetString()!, type);
        var layout = CanonicalLayout.Of(type);

        var pointer = context.Allocate(layout.Alignment, layout.Size);
        Assert.Equal(vector.GetProperty("ptr").GetUInt32(), pointer);
        CanonicalStore.Store(context, type, value, pointer);

        AssertMemory(expectedMemory, memory);
        Assert.Equal(vector.GetProperty("next").GetUInt32(), memory.Next);
    }

    private static void RunLower(string id, JsonElement vector, WitType type)
    {
        var expectedMemory = Convert.FromHexString(vector.GetProperty("memory").GetString()!);
        var memory = new BumpAllocatorMemory(new byte[expectedMemory.Length], vector.GetProperty("base").GetUInt32());
        var context = new CanonicalAbiContext(memory, Encoding(vector), id);
        var value = WaveParser.Parse(vector.GetProperty("value").GetString()!, type);

        var flat = CanonicalLower.LowerFlat(context, type, value);

        Assert.Equal(Strings(vector.GetProperty("flat")), flat.Select(CoreValueText.Format).ToArray());
        AssertMemory(expectedMemory, memory);
        Assert.Equal(vector.GetProperty("next").GetUInt32(), memory.Next);
    }

    private static void RunLoadOrLift(string id, string kind, JsonElement vector, WitType type)
    {
        var bytes = Convert.FromHexString(vector.GetProperty("memory").GetString()!);
        var memory = new BumpAllocatorMemory(bytes, (uint)bytes.Length);
        var context = new CanonicalAbiContext(memory, Encoding(vector), id);
        Func<WitValue> operation = kind == "load"
            ? () => CanonicalLoad.Load(context, type, vector.GetProperty("ptr").GetUInt32())
            : () => CanonicalLift.LiftFlat(context, type, Strings(vector.GetProperty("flat")).Select(CoreValueText.Parse).ToArray());

        if (vector.TryGetProperty("trap", out var trap) && trap.GetBoolean())
        {
            var exception = Assert.Throws<WasmTrapException>(() => operation());
            Assert.False(string.IsNullOrWhiteSpace(exception.TrapMessage));
        }
        else
        {
            var expected = WaveParser.Parse(vector.GetProperty("value").GetString()!, type);
            var actual = operation();
            Assert.True(expected.Equals(actual), $"expected {expected}\n  actual {actual}");
        }

        Assert.Empty(memory.Calls);
    }

    private static void AssertMemory(byte[] expected, BumpAllocatorMemory memory)
        => Assert.Equal(Convert.ToHexStringLower(expected), Convert.ToHexStringLower(memory.Bytes));

    private static StringEncoding Encoding(JsonElement vector) => vector.GetProperty("encoding").GetString() switch
    {
        "utf8" => StringEncoding.Utf8,
        "utf16" => StringEncoding.Utf16,
        "latin1+utf16" => StringEncoding.Latin1Utf16,
        var other => throw new FormatException($"Unknown string encoding '{other}'."),
    };

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
