using System.Buffers;
using System.Runtime.CompilerServices;

namespace WitHost.Wamr.Async;

/// <summary>
/// A WIT <c>stream&lt;T&gt;</c> as generated hosts pass it: the readable end of a stream. One the
/// guest passes or returns reads what the guest writes (<see cref="ReadAsync"/>, or
/// <c>await foreach</c>); one the host makes from an <see cref="IAsyncEnumerable{T}"/> gives the
/// guest those elements when it is passed to the guest. Either way it is owned once: passing it to
/// a guest moves it, and disposing it drops the end (the guest's writes then end DROPPED).
/// </summary>
/// <remarks>
/// Elements move only when a read meets a write (the Canonical ABI's rendezvous), so a guest writer
/// waits until the host reads, and the host's source is pulled only as fast as the guest reads:
/// backpressure both ways, with no thread held while either side waits.
/// </remarks>
public sealed class WitStream<T> : IAsyncEnumerable<T>, IDisposable
{
    private readonly ElementChannelEnd<T>? _guestEnd;
    private readonly IAsyncEnumerable<T>? _source;
    private readonly Func<Memory<T>, CancellationToken, ValueTask<int>>? _read;
    private readonly IDisposable? _readOwner;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IAsyncEnumerator<T>? _sourceElements;
    private ValueTask<bool>? _sourceNext;
    private CancellationTokenSource? _stop;
    private bool _ended;
    private bool _moved;

    /// <summary>A stream of the elements <paramref name="source"/> yields, pulled as the guest reads them.</summary>
    public WitStream(IAsyncEnumerable<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    internal WitStream(ElementChannelEnd<T> guestEnd) => _guestEnd = guestEnd;

    /// <summary>A stream whose elements come from <paramref name="read"/> (0: the end); <paramref name="owner"/> is disposed with it.</summary>
    internal WitStream(Func<Memory<T>, CancellationToken, ValueTask<int>> read, IDisposable? owner)
    {
        _read = read;
        _readOwner = owner;
    }

    /// <summary>
    /// Ends when the stream is over: successfully when its elements ran out or its reader dropped it
    /// (disposing it, or a guest dropping its end), faulted with the exception that ended it early:
    /// the host source's, for a stream the host feeds to a guest (a stream has no error of its own,
    /// so this is how the host learns it, e.g. to answer the future WASI 0.3 pairs with a stream), the
    /// trap or disposal of the reading guest's instance, or the failure of a read (a guest writer
    /// that trapped).
    /// </summary>
    /// <remarks>
    /// For a stream the host feeds to a guest it ends as soon as the guest's side ends it, without
    /// waiting for the source: the source's token is cancelled then, and its enumerator is disposed
    /// once the element it was asked for ends, which for a source that ignores its token may be
    /// later (or never).
    /// </remarks>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Reads the next elements into <paramref name="buffer"/>, as many as the writer offers at once
    /// (a short read is normal); 0 when the stream is over.
    /// </summary>
    public ValueTask<int> ReadAsync(Memory<T> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("A read needs room for at least one element.", nameof(buffer));
        }

        if (_moved)
        {
            throw new InvalidOperationException("This stream was passed to a guest, which owns it now.");
        }

        return ReadCoreAsync(buffer, cancellationToken);
    }

    private async ValueTask<int> ReadCoreAsync(Memory<T> buffer, CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return 0;
        }

        int count;
        try
        {
            count = await ReadElementsAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _completion.TrySetException(exception);
            throw;
        }

        if (count == 0)
        {
            _completion.TrySetResult();
        }

        return count;
    }

    private async ValueTask<int> ReadElementsAsync(Memory<T> buffer, CancellationToken cancellationToken)
    {
        if (_guestEnd is not null)
        {
            var read = (int)await _guestEnd.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            _ended = read == 0;
            return read;
        }

        if (_read is not null)
        {
            var count = await _read(buffer, cancellationToken).ConfigureAwait(false);
            _ended = count == 0;
            return count;
        }

        return await ReadSourceAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<int> ReadSourceAsync(Memory<T> buffer, CancellationToken cancellationToken)
    {
        // From the host's source: wait for one element, then take those already there without waiting.
        _sourceElements ??= _source!.GetAsyncEnumerator(cancellationToken);
        var next = _sourceNext ?? _sourceElements.MoveNextAsync();
        _sourceNext = null;
        var count = 0;
        while (await next.ConfigureAwait(false))
        {
            buffer.Span[count++] = _sourceElements.Current;
            if (count == buffer.Length)
            {
                return count;
            }

            next = _sourceElements.MoveNextAsync();
            if (!next.IsCompleted)
            {
                _sourceNext = next;
                return count;
            }
        }

        _ended = true;
        return count;
    }

    /// <summary>The elements, read in turn until the stream is over.</summary>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<T>.Shared.Rent(BufferLength);
        try
        {
            int read;
            while ((read = await ReadAsync(buffer.AsMemory(0, BufferLength), cancellationToken).ConfigureAwait(false)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    yield return buffer[i];
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    /// <summary>Drops this end: a guest writing to it sees DROPPED; a host source is disposed.</summary>
    public void Dispose()
    {
        _ended = true;
        _completion.TrySetResult();
        _guestEnd?.Dispose();
        _readOwner?.Dispose();
        if (_sourceElements is { } elements)
        {
            _sourceElements = null;
            var pending = _sourceNext;
            _sourceNext = null;
            _ = DisposeSourceAsync(elements, pending);
        }
    }

    /// <summary>
    /// The guest this stream was for will never take it (its instance trapped or was disposed
    /// first): <see cref="Completion"/> ends with <paramref name="reason"/>, as for a stream passed
    /// to such an instance, and the stream is disposed with what it owns.
    /// </summary>
    /// <summary>Whether the stream was passed to a guest, which owns it now.</summary>
    internal bool IsMoved => _moved;

    internal void Abandon(Exception reason)
    {
        _completion.TrySetException(reason);
        Dispose();
    }

    // An enumerator may not be disposed while a MoveNextAsync is in flight (an async iterator
    // throws, and its finally never runs): the one taken ahead is awaited first, and ends soon when
    // the source honours the token the pump cancelled.
    private static async Task DisposeSourceAsync(IAsyncEnumerator<T> elements, ValueTask<bool>? pending)
    {
        try
        {
            if (pending is { } next)
            {
                await next.ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // However the source's last step ended, it is disposed now.
        }

        try
        {
            await elements.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A source failing to dispose has nobody left to tell: the stream is over.
        }
    }

    /// <summary>
    /// Gives the elements to <paramref name="writer"/> (the host's end of a stream a guest reads) as
    /// the guest reads them, then drops it; this stream is moved. A failing source ends the stream
    /// early: a stream has no error of its own (WIT types that need one carry a future beside it).
    /// </summary>
    internal void MoveTo(ElementChannelEnd<T> writer)
    {
        if (_moved)
        {
            throw new InvalidOperationException("This stream was already passed to a guest, which owns it now.");
        }

        _moved = true;

        // The pump starts off the guest's thread: a host source's code must not run inside the guest's call.
        _ = Task.Run(() => PumpAsync(writer));
    }

    private async Task PumpAsync(ElementChannelEnd<T> writer)
    {
        // The guest dropping its end, or its instance trapping or being disposed, ends the stream
        // then (GuestEnded), whatever this pump waits for. A host source gets a token for that, as
        // its enumerator may be waiting for its next element; a guest's end (a stream passed on
        // from another guest) is dropped instead, so its reads need no token to register.
        var stop = _guestEnd is null ? new CancellationTokenSource() : null;
        _stop = stop;
        var guestEnded = writer.WhenEnded();
        _ = guestEnded.ContinueWith(static (ended, stream) => ((WitStream<T>)stream!).GuestEnded(ended), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var buffer = ArrayPool<T>.Shared.Rent(BufferLength);
        try
        {
            int read;
            while ((read = await ReadCoreAsync(buffer.AsMemory(0, BufferLength), stop?.Token ?? CancellationToken.None).ConfigureAwait(false)) > 0)
            {
                var rest = new ReadOnlyMemory<T>(buffer, 0, read);
                while (!rest.IsEmpty)
                {
                    var written = (int)await writer.WriteAsync(rest, CancellationToken.None).ConfigureAwait(false);
                    if (written == 0)
                    {
                        return;
                    }

                    rest = rest[written..];
                }
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The source failed (Completion has its exception already), or the guest went away: a
            // trap or disposal of its instance is how the stream ended; a dropped end is a normal end.
            if (guestEnded.IsFaulted)
            {
                _completion.TrySetException(guestEnded.Exception!.InnerExceptions);
            }
            else if (!guestEnded.IsCompleted)
            {
                _completion.TrySetException(exception);
            }
        }
        finally
        {
            // A source element taken ahead may still be on its way: it is cancelled before the source is disposed.
            stop?.Cancel();
            Dispose();
            writer.Dispose();
            ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    // The guest reading this stream dropped its end, or its instance trapped or was disposed (or the
    // pump dropped its own end, having finished). Completion says so at once: a source that ignores
    // its token is not waited for, and is disposed in the background once its pending step ends.
    private void GuestEnded(Task ended)
    {
        if (ended.IsFaulted)
        {
            _completion.TrySetException(ended.Exception!.InnerExceptions);
        }
        else
        {
            _completion.TrySetResult();
        }

        _stop?.Cancel();
        _guestEnd?.Dispose();
    }

    // Elements per read or write: up to 64 KiB of them. Each meeting of the host and the guest
    // costs two thread-pool hops whatever it moves, so the pump offers a guest's large reads as
    // much as they take at once (with 4 KiB writes, a guest reading 64 KiB at a time got sixteen
    // short reads, each a meeting of its own).
    private static int BufferLength => Math.Clamp(65536 / Math.Max(Unsafe.SizeOf<T>(), 1), 1, 65536);
}
