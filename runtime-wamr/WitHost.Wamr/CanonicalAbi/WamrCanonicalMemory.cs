using System.Runtime.CompilerServices;
using WitHost.Wamr.Memory;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>The Canonical ABI's view of a <see cref="WamrInstance"/>: its memory and its <c>cabi_realloc</c>.</summary>
/// <remarks>
/// <para>The guest's memory can only move while the guest runs: during a lift or lower through
/// <c>cabi_realloc</c>, and between them when the export runs or a host implementation calls into
/// the guest (<see cref="Refresh"/>). So the memory's address is looked up once and again after
/// each of those, instead of on every access (each lookup is two native calls).</para>
/// <para>The memory may be up to 4 GiB, so it is kept as an address and a size, and handed out a
/// slice at a time (<see cref="Slice"/>): a span cannot hold 2 GiB or more.</para>
/// </remarks>
public sealed unsafe class WamrCanonicalMemory : ICanonicalMemory
{
    private readonly WamrInstance _instance;
    private byte* _base;
    private long _size = -1;

    /// <summary>Wraps <paramref name="instance"/>.</summary>
    public WamrCanonicalMemory(WamrInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _instance = instance;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The memory is 2 GiB or larger.</exception>
    public Span<byte> Bytes => _instance.Memory.Span;

    /// <inheritdoc/>
    public ulong Size
    {
        get
        {
            LookUp();
            return (ulong)_size;
        }
    }

    /// <inheritdoc/>
    public Span<byte> Slice(uint pointer, int length)
    {
        LookUp();
        return new Span<byte>(_base + pointer, length);
    }

    /// <inheritdoc/>
    public uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize)
    {
        _size = -1;
        uint pointer = _instance.Realloc(originalPointer, originalSize, alignment, newSize, out GuestMemory memory);
        // The memory as the guest left it, which the check of the block looked up already.
        _base = memory.Base;
        _size = memory.Length;
        return pointer;
    }

    /// <inheritdoc/>
    public void Refresh() => _size = -1;

    /// <inheritdoc/>
    public WasmTrapException Trap(string functionName, string message) => _instance.Fault(functionName, message, null);

    // The test inlines into Size and Slice, which a context calls on every access; the look-up,
    // after each call into the guest, is a call of its own.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void LookUp()
    {
        if (_size < 0)
        {
            LookUpMemory();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LookUpMemory()
    {
        var memory = _instance.Memory;
        _base = memory.Base;
        _size = memory.Length;
    }
}
