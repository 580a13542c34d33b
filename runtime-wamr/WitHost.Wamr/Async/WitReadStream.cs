namespace WitHost.Wamr.Async;

/// <summary>A <c>stream&lt;u8&gt;</c> as a read-only, forward-only <see cref="Stream"/> (<see cref="WitStreams.AsStream"/>).</summary>
internal sealed class WitReadStream(WitStream<byte> stream) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A stream<u8> has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("A stream<u8> has no position.");
        set => throw new NotSupportedException("A stream<u8> cannot seek.");
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => buffer.IsEmpty ? ValueTask.FromResult(0) : stream.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // The synchronous API blocks the calling thread until the writer offers bytes; prefer ReadAsync.
    public override int Read(byte[] buffer, int offset, int count)
        => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A stream<u8> cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A stream<u8> cannot be written through this view.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A stream<u8> cannot be written through this view.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
