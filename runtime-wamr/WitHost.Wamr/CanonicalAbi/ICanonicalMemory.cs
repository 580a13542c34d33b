namespace WitHost.Wamr.CanonicalAbi;

/// <summary>
/// What the Canonical ABI needs from a guest: its linear memory and its <c>cabi_realloc</c>.
/// The ABI code reads <see cref="Bytes"/> again after every <see cref="Realloc"/>, and after
/// <see cref="Refresh"/>, because a call into the guest may grow the memory and move it.
/// </summary>
public interface ICanonicalMemory
{
    /// <summary>The whole linear memory as it is now; valid until the next call into the guest.</summary>
    Span<byte> Bytes { get; }

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
