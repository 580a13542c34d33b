namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="SampleBindingsTests"/>, on the guest's component file (jco's componentNew of the same core guest).</summary>
public sealed class SampleComponentBindingsTests(SampleComponentGuest guest) : SampleBindingsTests(guest), IClassFixture<SampleComponentGuest>;
