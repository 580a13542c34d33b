namespace WitHost.Wit.Binary;

/// <summary>The <c>string-encoding</c> canon option.</summary>
public enum CanonicalStringEncoding
{
    Utf8,
    Utf16,
    Latin1Utf16,
}
