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
            return handle;
        }

        string fileName = OperatingSystem.IsWindows() ? "iwasm.dll" : OperatingSystem.IsMacOS() ? "libiwasm.dylib" : "libiwasm.so";
        foreach (string directory in CandidateDirectories())
        {
            string candidate = Path.Combine(directory, fileName);
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out nint handle))
            {
                return handle;
            }
        }

        // Fall back to the platform's own search (LD_LIBRARY_PATH, the system library folders).
        return NativeLibrary.TryLoad(libraryName, assembly, searchPath, out nint systemHandle) ? systemHandle : 0;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        // AppContext.BaseDirectory also works for single-file and NativeAOT apps, where
        // assembly locations are empty.
        string baseDirectory = AppContext.BaseDirectory;
        yield return baseDirectory;
        yield return Path.Combine(baseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
    }
}
