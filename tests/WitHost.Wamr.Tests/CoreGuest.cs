namespace WitHost.Wamr.Tests;

/// <summary>The test guest built from tests/guests/core.c, and a shared engine for the tests.</summary>
internal static class CoreGuest
{
    public const string HostModule = "test:core/host";

    private static readonly Lazy<byte[]> s_bytes = new(() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "core.wasm")));

    public static byte[] Bytes => s_bytes.Value;

    /// <summary>The guest as the tests load it: its wasm, or in AOT mode its AOT file (<see cref="CrossCheck.Tests.GuestMode"/>).</summary>
    public static byte[] Loadable => s_loadable.Value;

    private static readonly Lazy<byte[]> s_loadable = new(() => CrossCheck.Tests.GuestMode.Prepare(s_bytes.Value));

    /// <summary>Host imports for the guest's <c>test:core/host</c> functions with simple behaviour.</summary>
    public static Hosting.HostImports DefaultImports(int addOffset = 0) => new Hosting.HostImports()
        .Define(HostModule, "add", call => call.SetResult(call.GetInt32(0) + call.GetInt32(1) + addOffset))
        .Define(HostModule, "identity-i64", call => call.SetResult(call.GetInt64(0)))
        .Define(HostModule, "scale-f64", call => call.SetResult(call.GetDouble(0) * call.GetSingle(1)))
        .Define(HostModule, "fail", _ => throw new InvalidOperationException("the host refuses"));
}
