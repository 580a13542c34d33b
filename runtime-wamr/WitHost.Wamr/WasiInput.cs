namespace WitHost.Wamr;

/// <summary>What a guest reads from its standard input (<see cref="WasiOptions.Stdin"/>).</summary>
public sealed class WasiInput
{
    private readonly Stream? _stream;
    private readonly byte[] _bytes;

    private WasiInput(WasiStdioKind kind, Stream? stream, byte[] bytes)
    {
        Kind = kind;
        _stream = stream;
        _bytes = bytes;
    }

    /// <summary>The guest reads end of input at once (the default).</summary>
    public static WasiInput None { get; } = new(WasiStdioKind.None, null, []);

    /// <summary>The guest reads the host process's own standard input (descriptor 0).</summary>
    public static WasiInput Inherit { get; } = new(WasiStdioKind.Inherit, null, []);

    /// <summary>
    /// The guest reads what <paramref name="stream"/> yields, then end of input. A pump copies it
    /// into the instance's pipe on a thread-pool thread; it stops when the instance is disposed. The
    /// stream is not disposed; one stream given to several instances is shared between them.
    /// </summary>
    public static WasiInput FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }
        return new(WasiStdioKind.Redirected, stream, []);
    }

    /// <summary>Every instance created with this input reads <paramref name="bytes"/> (copied here) from the
    /// start, then end of input.</summary>
    public static WasiInput FromBytes(ReadOnlySpan<byte> bytes) => new(WasiStdioKind.Redirected, null, bytes.ToArray());

    internal WasiStdioKind Kind { get; }

    /// <summary>The stream one instance reads from.</summary>
    internal Stream OpenSource() => _stream ?? new MemoryStream(_bytes, writable: false);
}
