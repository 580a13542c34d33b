namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="RoundtripBindingsTests"/>, on the guest's component file (jco's componentNew of the same core guest).</summary>
public sealed class RoundtripComponentBindingsTests(RoundtripComponentGuest guest) : RoundtripBindingsTests(guest), IClassFixture<RoundtripComponentGuest>;
