using System.Text;

namespace WitHost.Wamr.Tests;

/// <summary>Hand-built component and core module binaries for the malformed-input tests.</summary>
internal static class ComponentBytes
{
    public static readonly byte[] ComponentPreamble = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

    public static readonly byte[] CorePreamble = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

    public static byte[] Leb(uint value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    /// <summary>A type index as a <c>valtype</c>: a non-negative s33, so 64 and above need the sign bit clear (two bytes for 64).</summary>
    public static byte[] TypeIndex(uint index)
    {
        var bytes = new List<byte>();
        long value = index;
        while (true)
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            if (value == 0 && (b & 0x40) == 0)
            {
                bytes.Add(b);
                return [.. bytes];
            }
            bytes.Add((byte)(b | 0x80));
        }
    }

    public static byte[] Name(string name) => [.. Leb((uint)Encoding.UTF8.GetByteCount(name)), .. Encoding.UTF8.GetBytes(name)];

    public static byte[] Section(byte id, params byte[][] parts)
    {
        byte[] payload = [.. parts.SelectMany(p => p)];
        return [id, .. Leb((uint)payload.Length), .. payload];
    }

    /// <summary>A vector: count, then the items.</summary>
    public static byte[] Vector(params byte[][] items) => [.. Leb((uint)items.Length), .. items.SelectMany(i => i)];

    public static byte[] Component(params byte[][] sections) => [.. ComponentPreamble, .. sections.SelectMany(s => s)];

    /// <summary>A core module exporting <c>(func "f")</c> that does nothing, and a memory.</summary>
    public static byte[] CoreModule() =>
    [
        .. CorePreamble,
        .. Section(1, Vector([0x60, 0x00, 0x00])),
        .. Section(3, Vector([0x00])),
        .. Section(5, Vector([0x00, 0x01])),
        .. Section(7, Vector([.. Name("f"), 0x00, 0x00], [.. Name("memory"), 0x02, 0x00])),
        .. Section(10, Vector([0x02, 0x00, 0x0b])),
    ];

    /// <summary>
    /// A component wired by hand with names that differ from a world's defaults: its main module
    /// imports <c>("my-mod" "my-g")</c>, which the component lowers from <c>g</c> of its import
    /// <c>example:x/y</c>, and exports <c>impl-f</c> (which calls my-g), which the component lifts
    /// and exports as <c>f</c>.
    /// </summary>
    public static byte[] RenamingComponent()
    {
        byte[] core =
        [
            .. CorePreamble,
            .. Section(1, Vector([0x60, 0x00, 0x00])),
            .. Section(2, Vector([.. Name("my-mod"), .. Name("my-g"), 0x00, 0x00])),
            .. Section(3, Vector([0x00])),
            .. Section(7, Vector([.. Name("impl-f"), 0x00, 0x01])),
            .. Section(10, Vector([0x04, 0x00, 0x10, 0x00, 0x0b])),
        ];
        return Component(
            Section(7, Vector([0x42, .. Vector([0x01, 0x40, .. Vector(), 0x01, 0x00], [0x04, 0x00, .. Name("g"), 0x01, 0x00])])),
            Section(10, Vector([0x00, .. Name("example:x/y"), 0x05, 0x00])),
            Section(6, Vector([0x01, 0x00, 0x00, .. Name("g")])),
            Section(8, Vector([0x01, 0x00, 0x00, .. Vector()])),
            Section(1, core),
            Section(2, Vector([0x01, .. Vector([.. Name("my-g"), 0x00, 0x00])], [0x00, 0x00, .. Vector([.. Name("my-mod"), 0x12, 0x00])])),
            Section(6, Vector([0x00, 0x00, 0x01, 0x01, .. Name("impl-f")])),
            Section(7, Vector([0x40, .. Vector(), 0x01, 0x00])),
            Section(8, Vector([0x00, 0x00, 0x01, .. Vector(), 0x01])),
            Section(11, Vector([0x00, .. Name("f"), 0x01, 0x01, 0x00])));
    }

    /// <summary>
    /// A component wired by hand around one async or thread built-in: its main module imports
    /// canon definition <paramref name="builtin"/> (bytes after the canon section's count) as
    /// (<paramref name="module"/>, <paramref name="name"/>), of core type <c>[] -> [i32]</c>, and
    /// its export <c>f: func() -> u32</c> is <paramref name="liftOptions"/>' lift of the main
    /// module's <c>impl-f</c>, which returns what the built-in returns.
    /// </summary>
    public static byte[] BuiltinComponent(byte[] builtin, string module, string name, params byte[][] liftOptions)
    {
        byte[] core =
        [
            .. CorePreamble,
            .. Section(1, Vector([0x60, 0x00, 0x01, 0x7f])),
            .. Section(2, Vector([.. Name(module), .. Name(name), 0x00, 0x00])),
            .. Section(3, Vector([0x00])),
            .. Section(7, Vector([.. Name("impl-f"), 0x00, 0x01])),
            .. Section(10, Vector([0x04, 0x00, 0x10, 0x00, 0x0b])),
        ];
        return Component(
            Section(1, core),
            Section(8, Vector(builtin)),
            Section(2, Vector([0x01, .. Vector([.. Name(name), 0x00, 0x00])], [0x00, 0x00, .. Vector([.. Name(module), 0x12, 0x00])])),
            Section(6, Vector([0x00, 0x00, 0x01, 0x01, .. Name("impl-f")])),
            Section(7, Vector([0x40, .. Vector(), 0x00, 0x79])),
            Section(8, Vector([0x00, 0x00, 0x01, .. Vector(liftOptions), 0x00])),
            Section(11, Vector([0x00, .. Name("f"), 0x01, 0x00, 0x00])));
    }

    /// <summary>A component that lifts <c>f</c> of one instance of <see cref="CoreModule"/> and exports it.</summary>
    public static byte[] MinimalComponent() => Component(
        Section(1, CoreModule()),
        Section(2, Vector([0x00, 0x00, .. Vector()])),
        Section(6, Vector([0x00, 0x00, 0x01, 0x00, .. Name("f")])),
        Section(7, Vector([0x40, .. Vector(), 0x01, 0x00])),
        Section(8, Vector([0x00, 0x00, 0x00, .. Vector(), 0x00])),
        Section(11, Vector([0x00, .. Name("f"), 0x01, 0x00, 0x00])));
}
