namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="ResourcesBindingsTests"/>, on the guest's component file (jco's componentNew of the same core guest).</summary>
public sealed class ResourcesComponentBindingsTests(ResourcesComponentGuest guest) : ResourcesBindingsTests(guest), IClassFixture<ResourcesComponentGuest>;
