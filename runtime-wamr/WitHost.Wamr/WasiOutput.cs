namespace WitHost.Wamr;

/// <summary>
/// Where a guest's standard output or standard error goes (<see cref="WasiOptions.Stdout"/>,
/// <see cref="WasiOptions.Stderr"/>).
/// </summary>
/// <remarks>
/// <para>A <see cref="ToStream"/> or <see cref="ToCallback"/> target receives the guest's bytes in
/// the order written, on a thread-pool thread, shortly after the guest writes them: each instance
/// writes into a pipe that a pump drains. Everything the guest wrote has been delivered when the
/// instance is freed (when its <c>Dispose</c> returns, or, for a guest stopped on another thread,
/// when that call has unwound). One target may serve several instances (and both streams);
/// its writes never overlap, but chunks from different instances interleave.</para>
/// <para>The stream or callback must not call into the instance that writes to it, and must not
/// block for long: while it runs, a guest that fills the pipe (64 KiB on Linux) waits. When it throws,
/// the rest of that instance's output to it is discarded, so the guest is never stalled.</para>
/// </remarks>
public sealed class WasiOutput
{
    private readonly Lock _gate = new();
    private readonly Stream? _stream;
    private readonly Action<ReadOnlySpan<byte>>? _callback;

    private WasiOutput(WasiStdioKind kind, Stream? stream, Action<ReadOnlySpan<byte>>? callback)
    {
        Kind = kind;
        _stream = stream;
        _callback = callback;
    }

    /// <summary>The guest's writes succeed and go nowhere (the default).</summary>
    public static WasiOutput None { get; } = new(WasiStdioKind.None, null, null);

    /// <summary>The guest writes straight to the host process's own descriptor (1 or 2).</summary>
    public static WasiOutput Inherit { get; } = new(WasiStdioKind.Inherit, null, null);

    /// <summary>The guest's bytes are written to <paramref name="stream"/> (and flushed) as they arrive.
    /// The stream is not disposed.</summary>
    public static WasiOutput ToStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream must be writable.", nameof(stream));
        }
        return new(WasiStdioKind.Redirected, stream, null);
    }

    /// <summary><paramref name="callback"/> receives each chunk of the guest's bytes; the span is only valid
    /// during the call. Chunks follow the pipe's reads, not the guest's lines.</summary>
    public static WasiOutput ToCallback(Action<ReadOnlySpan<byte>> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new(WasiStdioKind.Redirected, null, callback);
    }

    internal WasiStdioKind Kind { get; }

    /// <summary>Hands one chunk to the stream or callback; chunks of every instance that shares this target are serialised.</summary>
    internal void Deliver(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_stream is not null)
            {
                _stream.Write(bytes);
                _stream.Flush();
            }
            else
            {
                _callback?.Invoke(bytes);
            }
        }
    }
}
