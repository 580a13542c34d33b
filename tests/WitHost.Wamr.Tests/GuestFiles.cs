namespace WitHost.Wamr.Tests;

/// <summary>Reads the committed test guests copied beside the test assembly (tests/guests).</summary>
internal static class GuestFiles
{
    public static byte[] Read(string relativePath) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", relativePath));
}
