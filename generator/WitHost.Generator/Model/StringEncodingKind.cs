namespace WitHost.Generator.Model;

/// <summary>
/// The string encoding a host declares in <c>[WitHost(Encoding = …)]</c>. The values match the
/// generated <c>WitHost.WitStringEncoding</c> enum, which is how they are read from the attribute.
/// </summary>
internal enum StringEncodingKind
{
    /// <summary>UTF-8 (the Canonical ABI default).</summary>
    Utf8 = 0,

    /// <summary>UTF-16.</summary>
    Utf16 = 1,

    /// <summary>Latin-1 where possible, UTF-16 otherwise.</summary>
    Latin1Utf16 = 2,
}
