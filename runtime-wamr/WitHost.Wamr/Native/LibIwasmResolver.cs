using System.Reflection;
using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// Finds libiwasm for <see cref="WamrNative"/>: an explicit path (<see cref="WamrEngine.LibraryPath"/>
/// or the <c>WITHOST_LIBIWASM_PATH</c> environment variable) wins, so a user can run a newer WAMR;
/// otherwise the library beside the application or in <c>runtimes/&lt;rid&gt;/native</c>.
/// </summary>
internal static class LibIwasmResolver
{
    public const string PathVariable = "WITHOST_LIBIWASM_PATH";

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
        if (!string.IsNullOrEmpty(explicitPath))
        {
            if (!NativeLibrary.TryLoad(explicitPath, out nint handle))
            {
                throw new DllNotFoundException($"libiwasm could not be loaded from '{explicitPath}' (set by {nameof(WamrEngine)}.{nameof(WamrEngine.LibraryPath)} or {PathVariable}).");
            }
            return LoadedLibrary = handle;
        }

        string fileName = OperatingSystem.IsWindows() ? "iwasm.dll" : OperatingSystem.IsMacOS() ? "libiwasm.dylib" : "libiwasm.so";
        foreach (string directory in CandidateDirectories())
        {
            string candidate = Path.Combine(directory, fileName);
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out nint handle))
            {
                return LoadedLibrary = handle;
            }
        }

        // Fall back to the platform's own search (LD_LIBRARY_PATH, the system library folders).
        return NativeLibrary.TryLoad(libraryName, assembly, searchPath, out nint systemHandle) ? LoadedLibrary = systemHandle : 0;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        // AppContext.BaseDirectory also works for single-file and NativeAOT apps, where
        // assembly locations are empty. `dotnet publish -r <rid>` and NativeAOT put the package's
        // native library there; `dotnet build`, `dotnet run` and RID-less publishes keep the
        // package layout, runtimes/<rid>/native, under it.
        string baseDirectory = AppContext.BaseDirectory;
        yield return baseDirectory;

        // The WitHost.Wamr package ships runtimes/linux-x64/native/libiwasm.so under the portable
        // RID; a runtime built by a Linux distribution reports its own RID (e.g. ubuntu.24.04-x64),
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
