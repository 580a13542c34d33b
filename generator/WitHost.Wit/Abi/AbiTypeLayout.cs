using WitHost.Wit.Collections;

namespace WitHost.Wit.Abi;

/// <summary>Where and how a WIT type lives in linear memory and on the core wasm stack.</summary>
/// <param name="Size">The byte size in memory (the element stride in a list).</param>
/// <param name="Alignment">The byte alignment in memory.</param>
/// <param name="Flat">The core values the type flattens to, in order.</param>
public sealed record AbiTypeLayout(uint Size, uint Alignment, EquatableArray<CoreValueType> Flat);
