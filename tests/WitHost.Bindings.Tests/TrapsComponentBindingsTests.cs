namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="TrapsBindingsTests"/>, on the guest's component file (jco's componentNew of the same core guest).</summary>
public sealed class TrapsComponentBindingsTests(TrapsComponentGuest guest) : TrapsBindingsTests(guest), IClassFixture<TrapsComponentGuest>;
