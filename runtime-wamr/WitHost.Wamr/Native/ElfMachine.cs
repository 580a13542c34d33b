using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// The machine an ELF shared library is built for (the header's <c>e_machine</c>), so that a
/// libiwasm of the wrong architecture is reported as such rather than as the loader's terse
/// "wrong ELF class" or "cannot open shared object file".
/// </summary>
internal static class ElfMachine
{
    private const int MachineOffset = 18;

    /// <summary>The <c>e_machine</c> of the ELF file at <paramref name="path"/>, or null when it is not a readable little-endian ELF file.</summary>
    public static ushort? Read(string path)
    {
        Span<byte> header = stackalloc byte[MachineOffset + 2];
        try
        {
            using FileStream file = File.OpenRead(path);
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // "\x7fELF", then EI_DATA (byte 5) 1 for little-endian: every machine .NET runs Linux on.
        if (header[0] != 0x7f || header[1] != (byte)'E' || header[2] != (byte)'L' || header[3] != (byte)'F' || header[5] != 1)
        {
            return null;
        }
        return BinaryPrimitives.ReadUInt16LittleEndian(header[MachineOffset..]);
    }

    /// <summary>The <c>e_machine</c> value of libraries a process of <paramref name="architecture"/> can load, or null for one this table does not know.</summary>
    public static ushort? Of(Architecture architecture) => architecture switch
    {
        Architecture.X86 => 3,
        Architecture.Arm => 40,
        Architecture.X64 => 62,
        Architecture.Arm64 => 183,
        Architecture.RiscV64 => 243,
        Architecture.LoongArch64 => 258,
        _ => null,
    };

    /// <summary>A reader's name for an <c>e_machine</c> value, with the RID part it goes with.</summary>
    public static string Describe(ushort machine) => machine switch
    {
        3 => "x86 (linux-x86)",
        40 => "32-bit ARM (linux-arm)",
        62 => "x86-64 (linux-x64)",
        183 => "64-bit ARM (linux-arm64)",
        243 => "RISC-V (linux-riscv64)",
        258 => "LoongArch (linux-loongarch64)",
        _ => $"ELF machine {machine}",
    };
}
