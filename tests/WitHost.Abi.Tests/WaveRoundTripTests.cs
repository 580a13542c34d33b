using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;

namespace WitHost.Abi.Tests;

/// <summary>Random values of random types survive WAVE printing and parsing, and the Canonical ABI both ways.</summary>
public sealed class WaveRoundTripTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 300));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PrintedValueParsesBackEqual(int seed)
    {
        var random = new RandomWitValues(seed);
        var type = random.Type();
        var value = random.Value(type);

        var text = WaveWriter.Write(value);
        var parsed = WaveParser.Parse(text, type);

        if (!value.Equals(parsed))
        {
            Assert.Fail($"type {WitTypeNames.Format(type)}\n  text {text}\nparsed {parsed}");
        }
        Assert.Equal(text, WaveWriter.Write(parsed));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StoredValueLoadsBackEqual(int seed)
    {
        var random = new RandomWitValues(seed);
        var type = random.Type();
        var value = random.Value(type);

        foreach (var encoding in Enum.GetValues<StringEncoding>())
        {
            var memory = new BumpAllocatorMemory(new byte[1 << 16], 8);
            var context = new CanonicalAbiContext(memory, encoding, "round-trip");
            var layout = CanonicalLayout.Of(type);
            var pointer = context.Allocate(layout.Alignment, layout.Size);
            CanonicalStore.Store(context, type, value, pointer);
            var loaded = CanonicalLoad.Load(context, type, pointer);
            if (!value.Equals(loaded))
            {
                Assert.Fail($"{encoding}: stored {value}\n loaded {loaded}");
            }

            var flat = CanonicalLower.LowerFlat(context, type, value);
            Assert.Equal(layout.Flat.Count, flat.Count);
            var lifted = CanonicalLift.LiftFlat(context, type, flat);
            if (!value.Equals(lifted))
            {
                Assert.Fail($"{encoding}: lowered {value}\n lifted {lifted}");
            }
        }
    }
}
