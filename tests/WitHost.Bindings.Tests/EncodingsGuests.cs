namespace WitHost.Bindings.Tests;

/// <summary>tests/guests/encodings-utf16.wasm.</summary>
public sealed class Utf16EncodingsGuest() : TestGuest("encodings-utf16");

/// <summary>tests/guests/encodings-latin1.wasm.</summary>
public sealed class Latin1EncodingsGuest() : TestGuest("encodings-latin1");
