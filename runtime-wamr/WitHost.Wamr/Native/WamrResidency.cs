using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// WitHost's <c>withost_release_zero_pages</c> (<c>runtime-wamr/native/residency/withost_residency.c</c>):
/// gives the operating system back the pages of an instance's linear memory and operand stack
/// that hold only zeros, which WAMR zeroed (and so made resident) whole when it created them.
/// </summary>
/// <remarks>
/// Looked up by name, as <see cref="WamrCompiledCall"/>'s function is: a libiwasm without it
/// (one the user built from plain WAMR) keeps every page, as WAMR allocates them.
/// </remarks>
internal static unsafe class WamrResidency
{
    private static readonly nint s_function = Bind();

    /// <summary>Whether the loaded libiwasm can give pages back.</summary>
    public static bool IsAvailable => s_function != 0;

    /// <summary>
    /// Drops the all-zero pages of <paramref name="instance"/>'s memory and of the unused part of
    /// <paramref name="execEnv"/>'s operand stack; returns the bytes given back (0 when the
    /// library cannot). Only while no call runs on the instance.
    /// </summary>
    public static ulong ReleaseZeroPages(nint instance, nint execEnv) => s_function == 0
        ? 0
        : ((delegate* unmanaged[Cdecl]<nint, nint, ulong>)s_function)(instance, execEnv);

    private static nint Bind() =>
        LibIwasmResolver.LoadedLibrary is var library and not 0
        && NativeLibrary.TryGetExport(library, "withost_release_zero_pages", out nint function)
            ? function
            : 0;
}
