namespace WitHost.Bindings.Tests;

/// <summary>tests/guests/hostile.wasm.</summary>
public sealed class HostileGuest() : TestGuest("hostile");
