namespace WitHost.Wamr.Tests;

/// <summary>The test guest built from tests/guests/stdio.c: printf to stdout and stderr, raw writes, stdin echo.</summary>
internal static class StdioGuest
{
    private static readonly Lazy<byte[]> s_bytes = new(() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "stdio.wasm")));

    public static byte[] Bytes => s_bytes.Value;
}
