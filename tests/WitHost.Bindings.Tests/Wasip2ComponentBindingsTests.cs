namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="Wasip2BindingsTests"/>, on the guest's component file (jco's componentNew of the same core guest, whose world imports the WASI 0.2 interfaces).</summary>
public sealed class Wasip2ComponentBindingsTests(Wasip2ComponentGuest guest) : Wasip2BindingsTests(guest), IClassFixture<Wasip2ComponentGuest>;
