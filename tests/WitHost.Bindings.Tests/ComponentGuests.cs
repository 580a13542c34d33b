using WitHost.CrossCheck.Tests;

namespace WitHost.Bindings.Tests;

/// <summary>samples/HelloWorld/guest/sample.wasm as a component (it imports WASI: with the preview1 adapter), utf8.</summary>
public sealed class SampleComponentGuest() : TestGuest(JcoComponents.Make("samples/HelloWorld/guest/sample.wasm", "wit/sample.wit", "sample", "utf8", adapter: true));

/// <summary>tests/guests/roundtrip.wasm as a component (no WASI: without the adapter).</summary>
public sealed class RoundtripComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/roundtrip.wasm", "wit/roundtrip.wit", "roundtrip", null, adapter: false));

/// <summary>tests/guests/resources.wasm as a component, with the adapter.</summary>
public sealed class ResourcesComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/resources.wasm", "wit/resources.wit", "resources", null, adapter: true));

/// <summary>tests/guests/encodings-utf16.wasm as a component with <c>string-encoding=utf16</c>.</summary>
public sealed class Utf16EncodingsComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/encodings-utf16.wasm", "wit/encodings.wit", "encodings", "utf16", adapter: false));

/// <summary>tests/guests/encodings-latin1.wasm as a component with <c>string-encoding=latin1+utf16</c>.</summary>
public sealed class Latin1EncodingsComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/encodings-latin1.wasm", "wit/encodings.wit", "encodings", "compact-utf16", adapter: false));

/// <summary>tests/guests/traps.wasm as a component, without the adapter.</summary>
public sealed class TrapsComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/traps.wasm", "tests/WitHost.Bindings.Tests/wit/traps.wit", "traps", null, adapter: false));

/// <summary>tests/guests/abi-call.wasm as a component (it imports WASI: with the adapter).</summary>
public sealed class AbiCallComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/abi-call.wasm", "wit/abi-call.wit", "abi-call", null, adapter: true));

/// <summary>tests/guests/resource-misuse.wasm as a component, without the adapter.</summary>
public sealed class ResourceMisuseComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/resource-misuse.wasm", "tests/WitHost.Bindings.Tests/wit/resource-misuse.wit", "resource-misuse", null, adapter: false));

/// <summary>tests/guests/channels.wasm as a component (its async glue and stream and future built-ins checked by jco's encoder), without the adapter.</summary>
public sealed class ChannelComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/channels.wasm", "wit/channels.wit", "channel-guest", null, adapter: false));

/// <summary>tests/guests/rust-shape.wasm as a component (jco's encoder checks its Rust-shaped core names), without the adapter.</summary>
public sealed class RustShapeComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/rust-shape.wasm", "wit/rust-shape.wit", "rust-shape", null, adapter: false));

/// <summary>tests/guests/wasip2.wasm as a component whose world (tests/guests/wasip2.wit) imports the WASI 0.2 interfaces it calls; with the adapter (it also calls preview1's proc_exit).</summary>
public sealed class Wasip2ComponentGuest() : TestGuest(JcoComponents.Make("tests/guests/wasip2.wasm", "tests/guests/wasip2.wit", "wasip2-component", null, adapter: true));
