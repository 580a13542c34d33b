using WitHost.CrossCheck.Tests;

namespace WitHost.Wamr.Tests;

/// <summary>Reads the committed test guests copied beside the test assembly (tests/guests).</summary>
internal static class GuestFiles
{
    public static byte[] Read(string relativePath) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", relativePath));

    /// <summary>A guest as the tests load it: its wasm, or in AOT mode its AOT file (<see cref="GuestMode"/>).</summary>
    public static byte[] Loadable(string relativePath) => GuestMode.Prepare(Read(relativePath));
}
