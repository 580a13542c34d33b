using System.Security.Cryptography;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Tests;

/// <summary>
/// The engine benchmarks' compute-bound guest (tests/guests/digest.c, wit/digest.wit: SHA-256)
/// computes the digests .NET's <see cref="SHA256"/> computes, interpreted and compiled ahead of
/// time: a benchmark of a guest that answers wrongly in one mode would compare nothing.
/// </summary>
public sealed class DigestGuestTests : IDisposable
{
    private static readonly Lazy<byte[]> s_wasm = new(() => GuestFiles.Read("digest.wasm"));
    private static readonly Lazy<byte[]> s_aot = new(() => GuestMode.Compile(s_wasm.Value));

    private readonly WamrEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    public static TheoryData<string> Modes => ["interpreter", "aot"];

    private WamrInstance Instantiate(string mode)
    {
        using WamrModule module = _engine.LoadModule(mode == "aot" ? s_aot.Value : s_wasm.Value);
        Assert.Equal(mode == "aot", module.IsAheadOfTimeCompiled);
        return module.Instantiate(new HostImports());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_digest_of_data_the_host_passes_is_sha256(string mode)
    {
        using WamrInstance instance = Instantiate(mode);
        var random = new Random(14);
        // Lengths around the padding's edges (55 is the last that fits one final block), then
        // several blocks, then a megabyte.
        foreach (int length in new[] { 0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000, 4096, 1 << 20 })
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), Sha256(instance, data));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void The_digest_of_the_guests_own_pattern_is_sha256_of_that_pattern(string mode)
    {
        using WamrInstance instance = Instantiate(mode);
        foreach (int length in new[] { 100, 1 << 20, 1000 })
        {
            byte[] pattern = new byte[length];
            for (int i = 0; i < length; i++)
            {
                pattern[i] = (byte)(i * 31 + (i >> 8));
            }
            Span<uint> cells = [(uint)length];
            instance.GetFunction("sha256-pattern").InvokeCells(cells);
            Assert.Equal(SHA256.HashData(pattern), ReadList(instance, cells[0]));
        }
    }

    /// <summary>Calls <c>sha256</c> as the Canonical ABI does: the list lowered through cabi_realloc, the result read from the return area.</summary>
    private static byte[] Sha256(WamrInstance instance, byte[] data)
    {
        uint pointer = instance.Realloc(0, 0, 1, (uint)data.Length);
        instance.Memory.Write(pointer, data);
        Span<uint> cells = [pointer, (uint)data.Length];
        WamrFunction export = instance.GetFunction("sha256");
        export.InvokeCells(cells);
        byte[] digest = ReadList(instance, cells[0]);
        instance.PostReturn(export, cells[..1]);
        return digest;
    }

    private static byte[] ReadList(WamrInstance instance, uint returnArea)
    {
        uint pointer = instance.Memory.ReadUInt32(returnArea);
        uint length = instance.Memory.ReadUInt32(returnArea + 4);
        return instance.Memory.Slice(pointer, length).ToArray();
    }
}
