namespace WitHost.Fuzz;

/// <summary>Seeded mutations of bytes and of text, the kind a fuzzer makes of its seeds.</summary>
public static class Mutator
{
    // Values that break length and count fields: LEB128 encodings of 0, 2^31 - 1, 2^32 - 1 and -6,
    // and single bytes at the edges.
    private static readonly byte[][] InterestingBytes =
    [
        [0x00], [0x7F], [0x80], [0xFF], [0x0B],
        [0xFF, 0xFF, 0xFF, 0xFF, 0x07],
        [0xFF, 0xFF, 0xFF, 0xFF, 0x0F],
        [0xFA, 0xFF, 0xFF, 0xFF, 0x0F],
        [0x80, 0x80, 0x80, 0x80, 0x00],
    ];

    /// <summary>One to four edits of <paramref name="original"/>: overwrite, flip a bit, insert, delete, splice an interesting value, or duplicate a run.</summary>
    public static byte[] MutateBytes(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            if (bytes.Count == 0)
            {
                bytes.Add((byte)random.Next(256));
            }
            int at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(1 + random.Next(16), bytes.Count - at));
                    break;
                case 4:
                    byte[] value = InterestingBytes[random.Next(InterestingBytes.Length)];
                    bytes.RemoveRange(at, Math.Min(value.Length, bytes.Count - at));
                    bytes.InsertRange(at, value);
                    break;
                default:
                    int length = Math.Min(1 + random.Next(32), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>
    /// One to four bytes of <paramref name="original"/> overwritten or bit-flipped, its length
    /// kept: sizes stay right more often, so more cases get past the section structure into
    /// WAMR's validation of instructions and types.
    /// </summary>
    public static byte[] MutateBytesInPlace(byte[] original, Random random)
    {
        byte[] bytes = [.. original];
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits && bytes.Length > 0; e++)
        {
            int at = random.Next(bytes.Length);
            bytes[at] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)(bytes[at] ^ (1 << random.Next(8)));
        }
        return bytes;
    }

    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "<", ">", ",", ";", ":", "=", "->", "/", "@", ".", "*", "%", "_", "-",
        "package", "interface", "world", "use", "type", "record", "variant", "enum", "flags",
        "resource", "func", "import", "export", "include", "with", "as", "from", "static",
        "constructor", "own", "borrow", "list", "option", "result", "tuple", "string", "u32",
        "future", "stream", "async", "@since(version = 0.2.0)", "@unstable(feature = x)",
        "@deprecated(version = 1.0.0)", "a:b/c@1.0.0", "1.2.3-rc.1+build", "///", "/*", "*/", "\n",
        "\0", "\uFEFF", "é", "🌍", "0", "4294967296", "-1", "'", "\"", "\\",
    ];

    /// <summary>One to four edits of <paramref name="original"/>: a byte-level mutation of its UTF-8, or token-level cuts, copies and insertions.</summary>
    public static string MutateText(string original, Random random)
    {
        if (random.Next(4) == 0)
        {
            return System.Text.Encoding.UTF8.GetString(MutateBytes(System.Text.Encoding.UTF8.GetBytes(original), random));
        }

        var text = new System.Text.StringBuilder(original);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    text.Remove(at, Math.Min(1 + random.Next(24), text.Length - at));
                    break;
                case 2:
                    int length = Math.Min(1 + random.Next(64), text.Length - at);
                    string copy = text.ToString(at, length);
                    text.Insert(text.Length == 0 ? 0 : random.Next(text.Length), copy);
                    break;
                default:
                    if (text.Length > 0)
                    {
                        text[at] = (char)random.Next(0x20, 0x7F);
                    }
                    break;
            }
        }
        return text.ToString();
    }
}
