using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The encodings world (wit/encodings.wit) with <c>string-encoding=utf16</c>, for tests/guests/encodings-utf16.wasm.</summary>
[WitHost("../../wit/encodings.wit", World = "encodings", Encoding = WitStringEncoding.Utf16)]
internal partial class Utf16EncodingsHost;
