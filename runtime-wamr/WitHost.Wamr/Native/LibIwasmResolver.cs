using System.Reflection;
using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// Finds libiwasm for <see cref="WamrNative"/>: an explicit path (<see cref="WamrEngine.LibraryPath"/>
/// or the <c>WITHOST_LIBIWASM_PATH</c> environment variable) wins, so a user can run a newer WAMR;
/// otherwise the library beside the application or in <c>runtimes/&lt;rid&gt;/native</c>. When
/// none loads, the first P/Invoke throws a <see cref="DllNotFoundException"/> that names the file,
/// where it was looked for, why a file found there did not load (a library for another machine,
/// say), and how to point the runtime at one.
/// </summary>
internal static class LibIwasmResolver
{
    public const string PathVariable = "WITHOST_LIBIWASM_PATH";

    private static readonly string s_fileName = OperatingSystem.IsWindows() ? "iwasm.dll" : OperatingSystem.IsMacOS() ? "libiwasm.dylib" : "libiwasm.so";

    private static int s_installed;

    /// <summary>The libiwasm the P/Invoke layer was bound to, once the first call resolved it;
    /// functions looked up by name must come from this one library, not from another copy.</summary>
    public static nint LoadedLibrary { get; private set; }

    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(LibIwasmResolver).Assembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != WamrNative.Library)
        {
            return 0;
        }

        string? explicitPath = WamrEngine.LibraryPath ?? Environment.GetEnvironmentVariable(PathVariable);
        // The platform's own search last (deps.json native paths, LD_LIBRARY_PATH, the system
        // library folders).
        return LoadedLibrary = Load(explicitPath, CandidateDirectories(), () => NativeLibrary.TryLoad(libraryName, assembly, searchPath, out nint handle) ? handle : 0);
    }

    /// <summary>
    /// Loads libiwasm from <paramref name="explicitPath"/> when one is set, otherwise from the
    /// first of <paramref name="directories"/> that has a loadable one, otherwise through
    /// <paramref name="systemSearch"/> (0 when that finds none).
    /// </summary>
    /// <exception cref="DllNotFoundException">No libiwasm loaded; the message says where it was looked for and what to do.</exception>
    internal static nint Load(string? explicitPath, IEnumerable<string> directories, Func<nint> systemSearch)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            string source = $"{nameof(WamrEngine)}.{nameof(WamrEngine.LibraryPath)} or {PathVariable}";
            if (!File.Exists(explicitPath))
            {
                throw new DllNotFoundException($"libiwasm was not found at '{explicitPath}', the path {source} names. Point it at an existing {s_fileName}, or unset it to use the one that comes with WitHost.Wamr.");
            }
            return TryLoad(explicitPath, out nint handle, out string? problem)
                ? handle
                : throw new DllNotFoundException($"libiwasm could not be loaded from '{explicitPath}' (set by {source}): {problem}.");
        }

        var searched = new List<string>();
        var rejected = new List<string>();
        foreach (string directory in directories)
        {
            searched.Add(directory);
            string candidate = Path.Combine(directory, s_fileName);
            if (!File.Exists(candidate))
            {
                continue;
            }
            if (TryLoad(candidate, out nint handle, out string? problem))
            {
                return handle;
            }
            rejected.Add($"{candidate} was found but not loaded: {problem}.");
        }

        nint systemHandle = systemSearch();
        if (systemHandle != 0)
        {
            return systemHandle;
        }
        throw new DllNotFoundException(NotFoundMessage(searched, rejected));
    }

    private static string NotFoundMessage(List<string> searched, List<string> rejected)
    {
        string found = rejected.Count == 0 ? "" : " " + string.Join(" ", rejected);
        string folders = OperatingSystem.IsLinux() ? " (LD_LIBRARY_PATH and the system library folders)" : "";
        return $"{s_fileName}, the WAMR runtime that WitHost.Wamr runs guests on, could not be loaded. "
            + $"It was looked for in {string.Join(", ", searched)} and in the system's library search path{folders}.{found} "
            + $"The WitHost.Wamr package ships it for linux-x64 and linux-arm64, and build and publish copy it beside the application "
            + $"(NativeAOT too): an application deployed by copying files needs {s_fileName} beside its executable. "
            + $"Or set the environment variable {PathVariable} (or {nameof(WamrEngine)}.{nameof(WamrEngine.LibraryPath)}) to the path of a {s_fileName}.";
    }

    /// <summary>Loads the library at <paramref name="path"/>, or says why it cannot be.</summary>
    private static bool TryLoad(string path, out nint handle, out string? problem)
    {
        // The loader's own words for a library of another machine are unhelpful ("wrong ELF
        // class", or even "No such file or directory"), so the header is read first.
        ushort? machine = ElfMachine.Read(path);
        ushort? processMachine = ElfMachine.Of(RuntimeInformation.ProcessArchitecture);
        if (machine is { } libraryMachine && processMachine is { } expected && libraryMachine != expected)
        {
            handle = 0;
            problem = $"it is a library for {ElfMachine.Describe(libraryMachine)}, and this process runs on {ElfMachine.Describe(expected)}: it needs the {s_fileName} built for its own machine";
            return false;
        }
        try
        {
            handle = NativeLibrary.Load(path);
            problem = null;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            handle = 0;
            problem = e.Message.TrimEnd('.');
            return false;
        }
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        // AppContext.BaseDirectory also works for single-file and NativeAOT apps, where
        // assembly locations are empty. `dotnet publish -r <rid>` and NativeAOT put the package's
        // native library there; `dotnet build`, `dotnet run` and RID-less publishes keep the
        // package layout, runtimes/<rid>/native, under it.
        string baseDirectory = AppContext.BaseDirectory;
        yield return baseDirectory;

        // The WitHost.Wamr package ships runtimes/<rid>/native/libiwasm.so under portable RIDs
        // (linux-x64, linux-arm64); a runtime built by a Linux distribution reports its own RID (e.g. ubuntu.24.04-x64),
        // so both are tried.
        string runtimeRid = RuntimeInformation.RuntimeIdentifier;
        yield return Path.Combine(baseDirectory, "runtimes", runtimeRid, "native");
        string? portableRid = PortableRuntimeIdentifier();
        if (portableRid is not null && portableRid != runtimeRid)
        {
            yield return Path.Combine(baseDirectory, "runtimes", portableRid, "native");
        }
    }

    private static string? PortableRuntimeIdentifier()
    {
        string? os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsWindows() ? "win" : null;
        string? architecture = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            Architecture.Arm => "arm",
            _ => null,
        };
        return os is null || architecture is null ? null : $"{os}-{architecture}";
    }
}
