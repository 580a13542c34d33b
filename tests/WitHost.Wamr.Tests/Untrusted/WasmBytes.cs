namespace WitHost.Wamr.Tests.Untrusted;

/// <summary>Builds core module bytes by hand, for tests that need modules no compiler would write.</summary>
internal static class WasmBytes
{
    public static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    /// <summary>The header followed by <paramref name="sections"/>.</summary>
    public static byte[] Module(params byte[][] sections) => [.. Header, .. sections.SelectMany(s => s)];

    /// <summary>A section with its id and the LEB128 size of <paramref name="content"/>.</summary>
    public static byte[] Section(byte id, params byte[] content) => [id, .. Leb(checked((uint)content.Length)), .. content];

    /// <summary>A vector: the LEB128 count, then the entries.</summary>
    public static byte[] Vector(params byte[][] entries) => [.. Leb((uint)entries.Length), .. entries.SelectMany(e => e)];

    /// <summary>A name: its UTF-8 length and bytes.</summary>
    public static byte[] Name(string name)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(name);
        return [.. Leb((uint)utf8.Length), .. utf8];
    }

    /// <summary>Unsigned LEB128, shortest form.</summary>
    public static byte[] Leb(uint value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value != 0 ? (byte)(b | 0x80) : b);
        }
        while (value != 0);
        return [.. bytes];
    }

    /// <summary>
    /// A module with one function of type (<paramref name="parameters"/>) -> () that does nothing,
    /// exported as <paramref name="exportName"/>, and <paramref name="memoryPages"/> pages of memory.
    /// </summary>
    public static byte[] OneFunction(string exportName, byte[] parameters, uint memoryPages = 1)
    {
        byte[] functionType = [0x60, .. Leb((uint)parameters.Length), .. parameters, 0x00];
        byte[] memory = [0x00, .. Leb(memoryPages)];
        byte[] export = [.. Name(exportName), 0x00, 0x00];
        byte[] body = [0x02, 0x00, 0x0B];
        return Module(
            Section(1, Vector(functionType)),
            Section(3, Vector(new byte[] { 0x00 })),
            Section(5, Vector(memory)),
            Section(7, Vector(export)),
            Section(10, Vector(body)));
    }
}
