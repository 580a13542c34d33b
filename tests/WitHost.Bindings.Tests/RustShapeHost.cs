using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The generated host of the Rust-shaped guest (tests/guests/rust-shape.c, world rust-shape of wit/rust-shape.wit).</summary>
[WitHost("../../wit/rust-shape.wit", World = "rust-shape")]
internal partial class RustShapeHost;
