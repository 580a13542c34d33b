using System.Runtime.InteropServices;
using WitHost.Wamr.Native;

namespace WitHost.Wamr.Tests;

/// <summary>
/// A host that cannot load libiwasm (NativeAOT published without it, a copy for another machine,
/// a wrong WITHOST_LIBIWASM_PATH) gets a message that names the file, where it was looked for, why
/// a file found there did not load, and WITHOST_LIBIWASM_PATH, instead of a bare
/// DllNotFoundException.
/// </summary>
public sealed class LibIwasmResolverTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("withost-resolver-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A machine other than this process's: its ELF e_machine and how the message names it.</summary>
    private static (ushort Machine, string Name) OtherMachine =>
        RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? ((ushort)62, "x86-64 (linux-x64)") : ((ushort)183, "64-bit ARM (linux-arm64)");

    private static string ThisMachine =>
        RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "64-bit ARM (linux-arm64)" : "x86-64 (linux-x64)";

    [Fact]
    public void Without_a_libiwasm_the_message_names_the_file_the_folders_searched_and_the_variable()
    {
        string runtimes = Path.Combine(_directory, "runtimes", "linux-x64", "native");

        var failure = Assert.Throws<DllNotFoundException>(() => LibIwasmResolver.Load(null, [_directory, runtimes], () => 0));

        Assert.StartsWith("libiwasm.so, the WAMR runtime that WitHost.Wamr runs guests on, could not be loaded.", failure.Message);
        Assert.Contains($"looked for in {_directory}, {runtimes} and in the system's library search path", failure.Message);
        Assert.Contains("needs libiwasm.so beside its executable", failure.Message);
        Assert.Contains("WITHOST_LIBIWASM_PATH", failure.Message);
    }

    [Fact]
    public void A_libiwasm_for_another_machine_is_reported_as_such()
    {
        string library = Path.Combine(_directory, "libiwasm.so");
        File.WriteAllBytes(library, ElfHeader(OtherMachine.Machine));

        var failure = Assert.Throws<DllNotFoundException>(() => LibIwasmResolver.Load(null, [_directory], () => 0));

        Assert.Contains($"{library} was found but not loaded: it is a library for {OtherMachine.Name}, and this process runs on {ThisMachine}", failure.Message);
        Assert.Contains("WITHOST_LIBIWASM_PATH", failure.Message);
    }

    [Fact]
    public void A_file_that_does_not_load_is_reported_with_the_loader_s_reason()
    {
        string library = Path.Combine(_directory, "libiwasm.so");
        // Longer than an ELF header, so the loader reads it and refuses it for what it is.
        File.WriteAllText(library, string.Concat(Enumerable.Repeat("not a shared library\n", 10)));

        var failure = Assert.Throws<DllNotFoundException>(() => LibIwasmResolver.Load(null, [_directory], () => 0));

        Assert.Contains($"{library} was found but not loaded: ", failure.Message);
        // The loader's own reason follows (glibc: "invalid ELF header").
        Assert.Contains("invalid ELF header", failure.Message);
    }

    [Fact]
    public void An_explicit_path_to_a_missing_file_names_the_path_and_where_it_came_from()
    {
        string missing = Path.Combine(_directory, "nowhere", "libiwasm.so");

        var failure = Assert.Throws<DllNotFoundException>(() => LibIwasmResolver.Load(missing, [AppContext.BaseDirectory], () => 0));

        Assert.Equal($"libiwasm was not found at '{missing}', the path WamrEngine.LibraryPath or WITHOST_LIBIWASM_PATH names. Point it at an existing libiwasm.so, or unset it to use the one that comes with WitHost.Wamr.", failure.Message);
    }

    [Fact]
    public void An_explicit_path_to_a_library_for_another_machine_is_reported_as_such()
    {
        string library = Path.Combine(_directory, "libiwasm-other.so");
        File.WriteAllBytes(library, ElfHeader(OtherMachine.Machine));

        var failure = Assert.Throws<DllNotFoundException>(() => LibIwasmResolver.Load(library, [AppContext.BaseDirectory], () => 0));

        Assert.Equal($"libiwasm could not be loaded from '{library}' (set by WamrEngine.LibraryPath or WITHOST_LIBIWASM_PATH): it is a library for {OtherMachine.Name}, and this process runs on {ThisMachine}: it needs the libiwasm.so built for its own machine.", failure.Message);
    }

    [Fact]
    public void The_first_folder_with_a_loadable_libiwasm_is_used_past_one_for_another_machine()
    {
        File.WriteAllBytes(Path.Combine(_directory, "libiwasm.so"), ElfHeader(OtherMachine.Machine));

        // The test's output folder has the real library (copied there by the build).
        nint handle = LibIwasmResolver.Load(null, [_directory, AppContext.BaseDirectory], () => throw new InvalidOperationException("the system search must not be reached"));

        Assert.Equal(NativeLibrary.GetExport(NativeLibrary.Load(Path.Combine(AppContext.BaseDirectory, "libiwasm.so")), "wasm_runtime_full_init"), NativeLibrary.GetExport(handle, "wasm_runtime_full_init"));
    }

    [Fact]
    public void Without_a_libiwasm_in_the_folders_the_system_search_is_asked()
    {
        Assert.Equal(42, LibIwasmResolver.Load(null, [_directory], () => 42));
    }

    [Fact]
    public void A_host_without_its_libiwasm_fails_at_the_first_engine_with_the_message()
    {
        string missing = Path.Combine(_directory, "libiwasm.so");

        var (exitCode, _, stderr) = ChildProcessProgram.Run("", new Dictionary<string, string> { [LibIwasmResolver.PathVariable] = missing }, "engine");

        Assert.Equal(3, exitCode);
        Assert.Equal($"System.DllNotFoundException: libiwasm was not found at '{missing}', the path WamrEngine.LibraryPath or WITHOST_LIBIWASM_PATH names. Point it at an existing libiwasm.so, or unset it to use the one that comes with WitHost.Wamr.", stderr.Trim());
    }

    /// <summary>The first 64 bytes of a 64-bit little-endian ELF shared object for <paramref name="machine"/>.</summary>
    private static byte[] ElfHeader(ushort machine)
    {
        var header = new byte[64];
        header[0] = 0x7f;
        header[1] = (byte)'E';
        header[2] = (byte)'L';
        header[3] = (byte)'F';
        header[4] = 2; // ELFCLASS64
        header[5] = 1; // little-endian
        header[6] = 1; // EV_CURRENT
        header[16] = 3; // ET_DYN
        header[18] = (byte)machine;
        header[19] = (byte)(machine >> 8);
        return header;
    }
}
