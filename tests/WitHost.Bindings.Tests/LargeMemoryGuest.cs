namespace WitHost.Bindings.Tests;

/// <summary>tests/guests/large-memory.wasm.</summary>
public sealed class LargeMemoryGuest() : TestGuest("large-memory");
