namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="RustShapeBindingsTests"/>, on the guest's component file (jco's componentNew of the same core guest).</summary>
public sealed class RustShapeComponentBindingsTests(RustShapeComponentGuest guest) : RustShapeBindingsTests(guest), IClassFixture<RustShapeComponentGuest>;
