using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace WitHost.Wamr.Aot;

/// <summary>
/// What WitHost reads of a WAMR AOT file (<c>.aot</c>) before WAMR loads it: the format version,
/// the architecture it was compiled for, and the wasm it was compiled from, which
/// <see cref="AotCompiler"/> stores in a custom section of its own.
/// </summary>
/// <remarks>
/// <para>WAMR 1.1.2's format: the magic <c>\0aot</c>, a version (3), then sections, each a
/// 4-byte-aligned <c>u32</c> type, a <c>u32</c> size and the body. The first is the target info
/// (ELF class, ABI, type, machine, version, flags, a reserved word and a 16-byte architecture
/// name such as <c>x86_64</c> or <c>aarch64v8</c>); section 1 starts with the memories; a section
/// of type 100 is a custom section whose body starts with a <c>u32</c> sub-type, and WAMR skips
/// sub-types it does not know.</para>
/// <para>The embedded original is what lets the runtime treat an AOT module like its wasm: the
/// imports and exports it checks and binds, and for a component the canon options and WIT. WAMR
/// keeps neither in a form it can give back.</para>
/// </remarks>
public sealed class AotImage
{
    /// <summary>The format version WAMR 1.1.2 writes and loads.</summary>
    public const uint SupportedVersion = 3;

    private const uint TargetInfoSection = 0;
    private const uint InitDataSection = 1;
    private const uint CustomSection = 100;
    private const int TargetInfoSize = 2 + 2 + 2 + 2 + 4 + 4 + 4 + 16;
    private const int MemoryEntrySize = 16;

    /// <summary>The custom section sub-type holding the original wasm (ASCII "WHst", little-endian).</summary>
    private const uint OriginalSubtype = 0x74734857;

    private AotImage(uint version, string architecture, int originalOffset, int originalLength, int memoriesOffset, uint memoryCount)
    {
        Version = version;
        Architecture = architecture;
        _originalOffset = originalOffset;
        _originalLength = originalLength;
        _memoriesOffset = memoriesOffset;
        _memoryCount = memoryCount;
    }

    private readonly int _originalOffset;
    private readonly int _originalLength;
    private readonly int _memoriesOffset;
    private readonly uint _memoryCount;

    /// <summary>The AOT format version.</summary>
    public uint Version { get; }

    /// <summary>The architecture the code was compiled for, as WAMR names it (<c>x86_64</c>, <c>aarch64v8</c>, ...).</summary>
    public string Architecture { get; }

    /// <summary>Whether the file carries the wasm it was compiled from (every file <see cref="AotCompiler"/> writes does).</summary>
    public bool HasOriginal => _originalOffset >= 0;

    /// <summary>Whether <paramref name="bytes"/> start with the AOT magic.</summary>
    public static bool HasHeader(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[..4].SequenceEqual("\0aot"u8);

    /// <summary>The architecture name WAMR gives this process's machine, or null for one WAMR 1.1.2 has no AOT code for.</summary>
    public static string? ProcessArchitecture => RuntimeInformation.ProcessArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
        System.Runtime.InteropServices.Architecture.X86 => "i386",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
        _ => null,
    };

    /// <summary>Reads the header and sections of an AOT file.</summary>
    /// <exception cref="WasmModuleLoadException">Not an AOT file of the supported version, or its sections do not fit.</exception>
    public static AotImage Read(ReadOnlySpan<byte> bytes)
    {
        if (!HasHeader(bytes) || bytes.Length < 8)
        {
            throw new WasmModuleLoadException("Not a WAMR AOT file: the magic \\0aot is missing.");
        }
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if (version != SupportedVersion)
        {
            throw new WasmModuleLoadException(
                $"The AOT file has format version {version}; this runtime (WAMR 1.1.2) loads version {SupportedVersion}. Compile the module again with this version's compiler (wit-host aot).");
        }

        string? architecture = null;
        int originalOffset = -1, originalLength = 0, memoriesOffset = -1;
        uint memoryCount = 0;
        int at = 8;
        while (at < bytes.Length)
        {
            at = (at + 3) & ~3;
            if (at + 8 > bytes.Length)
            {
                throw Malformed("a section header runs past the end");
            }
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 4)..]);
            int body = at + 8;
            if (size > (uint)(bytes.Length - body))
            {
                throw Malformed($"section {type} runs past the end");
            }
            ReadOnlySpan<byte> content = bytes.Slice(body, (int)size);
            if (architecture is null)
            {
                if (type != TargetInfoSection || content.Length < TargetInfoSize)
                {
                    throw Malformed("the target info section is missing");
                }
                ReadOnlySpan<byte> name = content[(TargetInfoSize - 16)..TargetInfoSize];
                int end = name.IndexOf((byte)0);
                architecture = System.Text.Encoding.ASCII.GetString(end < 0 ? name : name[..end]);
            }
            else if (type == InitDataSection && content.Length >= 8)
            {
                // Imported memories are not in WAMR 1.1.2's AOT format; the count is always 0.
                memoryCount = BinaryPrimitives.ReadUInt32LittleEndian(content[4..]);
                if (memoryCount > (uint)(content.Length - 8) / MemoryEntrySize)
                {
                    throw Malformed("the memory entries run past their section");
                }
                memoriesOffset = body + 8;
            }
            else if (type == CustomSection && content.Length >= 4
                && BinaryPrimitives.ReadUInt32LittleEndian(content) == OriginalSubtype)
            {
                originalOffset = body + 4;
                originalLength = content.Length - 4;
            }
            at = body + (int)size;
        }
        if (architecture is null)
        {
            throw Malformed("it has no sections");
        }
        return new AotImage(version, architecture, originalOffset, originalLength, memoriesOffset, memoryCount);
    }

    /// <summary>The wasm module or component the file was compiled from.</summary>
    /// <exception cref="WasmModuleLoadException">The file does not carry it (it was not written by <see cref="AotCompiler"/>).</exception>
    public ReadOnlySpan<byte> Original(ReadOnlySpan<byte> bytes)
    {
        if (!HasOriginal)
        {
            throw new WasmModuleLoadException(
                "The AOT file does not carry the wasm it was compiled from, so its imports and exports cannot be checked: compile it with WitHost's compiler (wit-host aot or AotCompiler), not another wamrc.");
        }
        return bytes.Slice(_originalOffset, _originalLength);
    }

    /// <summary>Refuses a file compiled for another architecture than this process's.</summary>
    /// <exception cref="WasmModuleLoadException">The architectures differ.</exception>
    public void EnsureRunsHere()
    {
        string? here = ProcessArchitecture;
        // WAMR names sub-architectures (aarch64v8, armv7, thumbv7): the family is the prefix.
        if (here is null || !Architecture.StartsWith(here, StringComparison.Ordinal)
            || (here == "arm" && Architecture.StartsWith("arm64", StringComparison.Ordinal)))
        {
            throw new WasmModuleLoadException(
                $"The AOT file was compiled for {Architecture}, and this process runs on {here ?? RuntimeInformation.ProcessArchitecture.ToString()}: compile the module for this machine (wit-host aot without --target, or --target {here ?? "<arch>"}).");
        }
    }

    /// <summary>
    /// A copy of the file whose memories may grow to at most <paramref name="maxPages"/> pages:
    /// the AOT counterpart of rewriting a wasm module's memory section.
    /// </summary>
    /// <exception cref="WasmModuleLoadException">A memory needs more than the limit to start with.</exception>
    public byte[] WithMemoryLimit(ReadOnlySpan<byte> bytes, uint maxPages)
    {
        byte[] copy = bytes.ToArray();
        for (int i = 0; i < _memoryCount; i++)
        {
            Span<byte> entry = copy.AsSpan(_memoriesOffset + (i * MemoryEntrySize), MemoryEntrySize);
            uint initial = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            uint maximum = BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]);
            if (initial > maxPages)
            {
                throw new WasmModuleLoadException(
                    $"The module needs at least {initial} memory pages, more than the limit of {maxPages}.");
            }
            BinaryPrimitives.WriteUInt32LittleEndian(entry[12..], Math.Min(maximum, maxPages));
        }
        return copy;
    }

    /// <summary>Appends the custom section that carries <paramref name="original"/> to an AOT file WAMR's compiler wrote.</summary>
    internal static byte[] Embed(ReadOnlySpan<byte> aot, ReadOnlySpan<byte> original)
    {
        int start = (aot.Length + 3) & ~3;
        byte[] result = new byte[start + 12 + original.Length];
        aot.CopyTo(result);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(start), CustomSection);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(start + 4), (uint)(4 + original.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(start + 8), OriginalSubtype);
        original.CopyTo(result.AsSpan(start + 12));
        return result;
    }

    private static WasmModuleLoadException Malformed(string problem) =>
        new($"The AOT file is malformed: {problem}.");
}
