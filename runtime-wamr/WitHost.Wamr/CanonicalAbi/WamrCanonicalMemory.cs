using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>The Canonical ABI's view of a <see cref="WamrInstance"/>: its memory and its <c>cabi_realloc</c>.</summary>
/// <remarks>
/// The guest's memory can only move while the guest runs: during a lift or lower through
/// <c>cabi_realloc</c>, and between them when the export runs or a host implementation calls into
/// the guest (<see cref="Refresh"/>). So the memory's address is looked up once and again after
/// each of those, instead of on every access (each lookup is two native calls).
/// </remarks>
public sealed unsafe class WamrCanonicalMemory : ICanonicalMemory
{
    private readonly WamrInstance _instance;
    private byte* _base;
    private int _length = -1;

    /// <summary>Wraps <paramref name="instance"/>.</summary>
    public WamrCanonicalMemory(WamrInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _instance = instance;
    }

    /// <inheritdoc/>
    public Span<byte> Bytes
    {
        get
        {
            if (_length < 0)
            {
                var span = _instance.Memory.Span;
                _base = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
                _length = span.Length;
            }

            return new Span<byte>(_base, _length);
        }
    }

    /// <inheritdoc/>
    public uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize)
    {
        _length = -1;
        return _instance.Realloc(originalPointer, originalSize, alignment, newSize);
    }

    /// <inheritdoc/>
    public void Refresh() => _length = -1;

    /// <inheritdoc/>
    public WasmTrapException Trap(string functionName, string message) => _instance.Fault(functionName, message, null);
}
