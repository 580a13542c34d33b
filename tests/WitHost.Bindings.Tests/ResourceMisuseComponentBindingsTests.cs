namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="ResourceMisuseBindingsTests"/>, on the guest's component file (jco's componentNew of the same core guest).</summary>
public sealed class ResourceMisuseComponentBindingsTests(ResourceMisuseComponentGuest guest) : ResourceMisuseBindingsTests(guest), IClassFixture<ResourceMisuseComponentGuest>;
