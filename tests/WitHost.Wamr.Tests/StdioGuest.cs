namespace WitHost.Wamr.Tests;

/// <summary>The test guest built from tests/guests/stdio.c: printf to stdout and stderr, raw writes, stdin echo.</summary>
internal static class StdioGuest
{
    private static readonly Lazy<byte[]> s_bytes = new(() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "stdio.wasm")));

    public static byte[] Bytes => s_bytes.Value;

    /// <summary>The guest as the tests load it: its wasm, or in AOT mode its AOT file (<see cref="CrossCheck.Tests.GuestMode"/>).</summary>
    public static byte[] Loadable => s_loadable.Value;

    private static readonly Lazy<byte[]> s_loadable = new(() => CrossCheck.Tests.GuestMode.Prepare(s_bytes.Value));
}
