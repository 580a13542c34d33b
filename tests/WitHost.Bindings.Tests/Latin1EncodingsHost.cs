using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The encodings world (wit/encodings.wit) with <c>string-encoding=latin1+utf16</c>, for tests/guests/encodings-latin1.wasm.</summary>
[WitHost("../../wit/encodings.wit", World = "encodings", Encoding = WitStringEncoding.Latin1Utf16)]
internal partial class Latin1EncodingsHost;
