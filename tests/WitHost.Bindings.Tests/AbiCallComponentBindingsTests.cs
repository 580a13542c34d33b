namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="AbiCallBindingsTests"/>, on the guest's component file (jco's componentNew of the same core guest).</summary>
public sealed class AbiCallComponentBindingsTests(AbiCallComponentGuest guest) : AbiCallBindingsTests(guest), IClassFixture<AbiCallComponentGuest>;
