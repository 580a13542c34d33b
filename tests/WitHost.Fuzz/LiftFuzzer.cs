using System.Buffers.Binary;
using System.Diagnostics;
using WitHost.Abi.Tests;
using WitHost.Wamr;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Fuzz;

/// <summary>
/// The dynamic lift (<see cref="CanonicalLoad"/> and <see cref="CanonicalLift"/>) over random
/// memory images and random WIT types, as a hostile guest's memory would be. A lift must end in a
/// value or a <see cref="WasmTrapException"/>; a value must be one of its type, which the fuzzer
/// checks by storing it into fresh memory and loading it back, and by printing it as WAVE and
/// parsing it back.
/// </summary>
public static class LiftFuzzer
{
    private static readonly TimeSpan SlowCase = TimeSpan.FromSeconds(2);

    public static FuzzReport Run(long count, int seed)
    {
        var report = new FuzzReport("lifts");
        var clock = new Stopwatch();
        for (long i = 0; i < count; i++)
        {
            int caseSeed = CaseSeed.Of(seed, i);
            clock.Restart();
            string outcome;
            try
            {
                outcome = RunCase(caseSeed);
            }
            catch (Exception e)
            {
                report.Surprise($"seed {caseSeed}: {e.GetType().Name}: {e.Message}");
                continue;
            }
            if (clock.Elapsed > SlowCase)
            {
                report.Hang($"seed {caseSeed}: took {clock.Elapsed.TotalSeconds:F1} s");
                continue;
            }
            report.Expected(outcome);
        }
        return report;
    }

    /// <summary>One case; returns "trap" or "lifted", and throws for anything else.</summary>
    public static string RunCase(int caseSeed)
    {
        var random = new Random(caseSeed);
        var type = new RandomWitValues(caseSeed).Type(random.Next(1, 5));
        var encoding = (StringEncoding)random.Next(3);
        byte[] image = MemoryImage(random);
        var context = new CanonicalAbiContext(new FuzzMemory(image, (uint)image.Length), encoding, "fuzz", maxLiftBytes: 1 << 20);

        WitValue value;
        try
        {
            if (random.Next(2) == 0)
            {
                value = CanonicalLoad.Load(context, type, Word(random, image.Length));
            }
            else
            {
                var flat = CanonicalLayout.Flatten(type).Select(core => FlatValue(random, core.Kind, image.Length)).ToList();
                value = CanonicalLift.LiftFlat(context, type, flat);
            }
        }
        catch (WasmTrapException)
        {
            return "trap";
        }

        CheckIsValueOf(value, type, encoding);
        return "lifted";
    }

    private static void CheckIsValueOf(WitValue value, WitType type, StringEncoding encoding)
    {
        var memory = new FuzzMemory(new byte[4 << 20], 8);
        var context = new CanonicalAbiContext(memory, encoding, "check", maxLiftBytes: ulong.MaxValue);
        var layout = CanonicalLayout.Of(type);
        var pointer = context.Allocate(layout.Alignment, layout.Size);
        CanonicalStore.Store(context, type, value, pointer);
        var loaded = CanonicalLoad.Load(context, type, pointer);
        if (!value.Equals(loaded))
        {
            throw new InvalidOperationException($"lifted {WaveWriter.Write(value)} as {type}, which stores and loads back as {WaveWriter.Write(loaded)}");
        }

        var text = WaveWriter.Write(value);
        var parsed = WaveParser.Parse(text, type);
        if (!value.Equals(parsed))
        {
            throw new InvalidOperationException($"lifted {text} as {type}, which parses back as {WaveWriter.Write(parsed)}");
        }
    }

    // Memory a guest could have: mostly words that are plausible pointers, lengths and
    // discriminants, with some that are not.
    private static byte[] MemoryImage(Random random)
    {
        var image = new byte[random.Next(64, 4096) & ~7];
        for (int i = 0; i + 4 <= image.Length; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(i), Word(random, image.Length));
        }
        return image;
    }

    private static uint Word(Random random, int memorySize) => random.Next(10) switch
    {
        < 3 => (uint)random.Next(memorySize) & (random.Next(2) == 0 ? ~3u : ~0u),
        < 6 => (uint)random.Next(9),
        6 => uint.MaxValue - (uint)random.Next(16),
        7 => (uint)random.Next(0x20, 0x7F) * 0x01010101u,
        8 => 0x80000000u | (uint)random.Next(16),
        _ => (uint)random.NextInt64(),
    };

    private static WasmValue FlatValue(Random random, CoreValueKind kind, int memorySize) => kind switch
    {
        CoreValueKind.I32 => WasmValue.FromUInt32(Word(random, memorySize)),
        CoreValueKind.I64 => WasmValue.FromUInt64(random.Next(2) == 0 ? Word(random, memorySize) : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)),
        CoreValueKind.F32 => WasmValue.FromBits(WasmValueKind.F32, Word(random, memorySize)),
        _ => WasmValue.FromBits(WasmValueKind.F64, (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63)),
    };
}
