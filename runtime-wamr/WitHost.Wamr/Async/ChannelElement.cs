using System.Runtime.CompilerServices;
using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Wamr.Async;

/// <summary>
/// How elements of a stream or future move between the guest's memory and C# values of
/// <typeparamref name="T"/>: their layout and the load and store of the Canonical ABI for them.
/// Generated hosts make these from the same load and store they use for every other value, so a
/// string, a record or a resource handle inside a stream is lifted and lowered by the same rules as
/// a parameter (the elements are lifted when a guest's write meets the host's read, and lowered when
/// a guest's read meets the host's write, on the thread that owns the instance).
/// </summary>
public sealed class ChannelElement<T>
{
    /// <param name="name">The element type as WIT writes it (empty for a stream or future without elements).</param>
    /// <param name="structure">The element type by its structure (<c>StructuralTypeName</c> of WitHost.Wit: aliases resolved), which tells stream and future types apart.</param>
    /// <param name="encoding">The string encoding of the guest's memory.</param>
    /// <param name="size">The element's size in linear memory.</param>
    /// <param name="alignment">The element's alignment in linear memory.</param>
    /// <param name="load">Lifts the element at an address (bounds are checked by the channel for the whole buffer).</param>
    /// <param name="store">Lowers a value at an address; it may allocate in the guest (strings, lists).</param>
    public ChannelElement(string name, string structure, StringEncoding encoding, uint size, uint alignment, Func<CanonicalAbiContext, uint, T> load, Action<CanonicalAbiContext, T, uint> store)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(store);
        Name = name;
        Structure = structure;
        Encoding = encoding;
        Size = size;
        Alignment = Math.Max(alignment, 1);
        Load = load;
        Store = store;
        IsMemoryImage = BitConverter.IsLittleEndian && Unsafe.SizeOf<T>() == size && structure == NumberName();
    }

    public string Name { get; }

    public string Structure { get; }

    public StringEncoding Encoding { get; }

    public uint Size { get; }

    public uint Alignment { get; }

    public Func<CanonicalAbiContext, uint, T> Load { get; }

    public Action<CanonicalAbiContext, T, uint> Store { get; }

    /// <summary>
    /// Ends what a value holds for the guest (its streams, the resource objects it owns, the values
    /// of its futures) when the value never reaches the guest: a future's value the host was
    /// writing when the guest's instance trapped or was disposed, or when the guest dropped its end
    /// unread. Null when the type holds nothing the host made for the guest. Its second argument
    /// is why (the trap, or <see cref="ObjectDisposedException"/>).
    /// </summary>
    public Action<T, Exception>? Discard { get; init; }

    /// <summary>
    /// Whether an element's bytes in linear memory are its C# value: a WIT number held in the C#
    /// type of the same size and kind (linear memory is little-endian, as the host must be). Such
    /// elements move as one block of bytes, without a load or store per element.
    /// </summary>
    internal bool IsMemoryImage { get; }

    // The WIT number T holds as its own bytes; null for any other T (bool and char are not: a
    // guest's bool byte may be any nonzero value, and a WIT char is a code point, not a UTF-16 unit).
    private static string? NumberName() =>
        typeof(T) == typeof(byte) ? "u8"
        : typeof(T) == typeof(sbyte) ? "s8"
        : typeof(T) == typeof(ushort) ? "u16"
        : typeof(T) == typeof(short) ? "s16"
        : typeof(T) == typeof(uint) ? "u32"
        : typeof(T) == typeof(int) ? "s32"
        : typeof(T) == typeof(ulong) ? "u64"
        : typeof(T) == typeof(long) ? "s64"
        : typeof(T) == typeof(float) ? "f32"
        : typeof(T) == typeof(double) ? "f64"
        : null;
}
