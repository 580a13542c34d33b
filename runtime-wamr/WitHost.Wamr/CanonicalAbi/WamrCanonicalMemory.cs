namespace WitHost.Wamr.CanonicalAbi;

/// <summary>The Canonical ABI's view of a <see cref="WamrInstance"/>: its memory and its <c>cabi_realloc</c>.</summary>
public sealed class WamrCanonicalMemory : ICanonicalMemory
{
    private readonly WamrInstance _instance;

    /// <summary>Wraps <paramref name="instance"/>.</summary>
    public WamrCanonicalMemory(WamrInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _instance = instance;
    }

    /// <inheritdoc/>
    public Span<byte> Bytes => _instance.Memory.Span;

    /// <inheritdoc/>
    public uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize)
        => _instance.Realloc(originalPointer, originalSize, alignment, newSize);

    /// <inheritdoc/>
    public WasmTrapException Trap(string functionName, string message) => _instance.Fault(functionName, message, null);
}
