namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// What the Canonical ABI needs from a guest: its linear memory and its <c>cabi_realloc</c>.
/// The ABI code reads <see cref="Bytes"/> again after every <see cref="Realloc"/>, and after
/// <see cref="Refresh"/>, because a call into the guest may grow the memory and move it.
/// </summary>
public interface ICanonicalMemory
{
    /// <summary>The whole linear memory as it is now; valid until the next call into the guest.</summary>
    /// <remarks>A memory of 2 GiB or more is larger than a span: such a memory implements
    /// <see cref="Size"/> and <see cref="Slice"/>, which are all the ABI code uses, and may throw here.</remarks>
    Span<byte> Bytes { get; }

    /// <summary>The memory's size in bytes as it is now (a 32-bit memory has at most 4 GiB).</summary>
    ulong Size => (ulong)Bytes.Length;

    /// <summary>
    /// <paramref name="length"/> bytes at <paramref name="pointer"/>, valid until the next call into
    /// the guest. The caller has checked that they are inside <see cref="Size"/>.
    /// </summary>
    Span<byte> Slice(uint pointer, int length) => Bytes.Slice(checked((int)pointer), length);

    /// <summary>Calls <c>cabi_realloc(originalPointer, originalSize, alignment, newSize)</c>.</summary>
    uint Realloc(uint originalPointer, uint originalSize, uint alignment, uint newSize);

    /// <summary>
    /// The guest ran other code than <see cref="Realloc"/> (the export was called, or a host
    /// implementation called into the guest): its memory may have grown and moved, so
    /// <see cref="Bytes"/> must look it up again.
    /// </summary>
    void Refresh();

    /// <summary>
    /// The exception for a failed Canonical ABI check during a call to <paramref name="functionName"/>;
    /// a runtime instance also marks itself faulted here, as after any trap.
    /// </summary>
    WasmTrapException Trap(string functionName, string message);
}
