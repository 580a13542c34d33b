namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="ImportChannelBindingsTests"/>, on the channel guest's component file (jco's componentNew of the same core guest).</summary>
public sealed class ImportChannelComponentBindingsTests(ChannelComponentGuest guest) : ImportChannelBindingsTests(guest), IClassFixture<ChannelComponentGuest>;
