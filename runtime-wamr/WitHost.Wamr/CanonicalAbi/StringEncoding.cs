namespace WitHost.Wamr.CanonicalAbi;

/// <summary>The string encodings the Canonical ABI's <c>string-encoding</c> option can name.</summary>
public enum StringEncoding
{
    /// <summary><c>utf8</c> (the default): a byte pointer and a byte length.</summary>
    Utf8,

    /// <summary><c>utf16</c>: a 2-aligned pointer and a length in 16-bit code units.</summary>
    Utf16,

    /// <summary>
    /// <c>latin1+utf16</c>: Latin-1 bytes, or UTF-16 when bit 31 of the length (the UTF-16 tag) is set.
    /// </summary>
    Latin1Utf16,
}
