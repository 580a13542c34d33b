namespace WitHost.Bindings.Tests;

/// <summary>tests/guests/collections.wasm: maps and fixed-length lists (wit/collections.wit).</summary>
public sealed class CollectionsGuest() : TestGuest("collections");
