using WitHost.Wit.Abi;
namespace WitHost.Wamr.Async;

/// <summary>
/// Streams and futures as generated hosts move them: <c>stream&lt;T&gt;</c> as
/// <see cref="WitStream{T}"/>, <c>future&lt;T&gt;</c> as <see cref="Task{T}"/> (<c>future</c> as
/// <see cref="Task"/>). Lifting takes the readable end the guest gives away; lowering gives the guest
/// the readable end of a new stream or future whose writable end the host keeps and feeds.
/// </summary>
public static class ChannelValues
{
    /// <summary>Takes the readable stream end <paramref name="handle"/> from the guest; a bad handle or another type is a trap.</summary>
    public static WitStream<T> LiftStream<T>(WamrInstance instance, uint handle, string functionName, ChannelElement<T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var expected = TypeOf(isFuture: false, element);
        return AsyncChannels.Take(instance, handle, functionName, isFuture: false, expected.IsSameType, expected.StructuralName,
            (channel, state) => new WitStream<T>(new ElementChannelEnd<T>(channel, state, readable: true, element)));
    }

    /// <summary>A new stream whose readable end the guest gets (the handle returned), fed from <paramref name="stream"/>, which moves to the guest.</summary>
    public static uint LowerStream<T>(WamrInstance instance, WitStream<T> stream, ChannelElement<T> element)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(element);
        var (handle, channel, state) = AsyncChannels.LowerNew(instance, TypeOf(isFuture: false, element));
        stream.MoveTo(new ElementChannelEnd<T>(channel, state, readable: false, element));
        return handle;
    }

    /// <summary>
    /// Takes the readable future end <paramref name="handle"/> from the guest and reads it at once:
    /// the task ends with the value the guest writes, with the trap (<see cref="WasmTrapException"/>)
    /// when its instance traps first (dropping its end without writing is such a trap), or with
    /// <see cref="ObjectDisposedException"/> when it is disposed first.
    /// </summary>
    public static Task<T> LiftFuture<T>(WamrInstance instance, uint handle, string functionName, ChannelElement<T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var expected = TypeOf(isFuture: true, element);
        var reader = AsyncChannels.Take(instance, handle, functionName, isFuture: true, expected.IsSameType, expected.StructuralName,
            (channel, state) => new ElementChannelEnd<T>(channel, state, readable: true, element));
        return ReadFutureAsync(reader);
    }

    /// <summary>
    /// A new future whose readable end the guest gets (the handle returned); the guest reads
    /// <paramref name="value"/>'s result when it ends. A result the guest never gets (its instance
    /// went first, or it dropped its end unread) goes to <see cref="ChannelElement{T}.Discard"/>.
    /// </summary>
    public static uint LowerFuture<T>(WamrInstance instance, Task<T> value, ChannelElement<T> element)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(element);
        var (handle, channel, state) = AsyncChannels.LowerNew(instance, TypeOf(isFuture: true, element));
        if (element.Discard is null)
        {
            _ = WriteFutureAsync(value, new ElementChannelEnd<T>(channel, state, readable: false, element));
        }
        else
        {
            // A value that never reaches the guest is discarded; one whose store began is the guest's.
            var storing = new StoreWatch<T>(element);
            LoweredFutures<T>.Add(value);
            _ = WriteFutureAsync(value, new ElementChannelEnd<T>(channel, state, readable: false, storing.Element), storing);
        }

        return handle;
    }

    /// <summary>A new future without a value whose readable end the guest gets: it completes when <paramref name="value"/> does.</summary>
    public static uint LowerFuture(WamrInstance instance, Task value, ChannelElement<Unit> element)
    {
        ArgumentNullException.ThrowIfNull(value);
        return LowerFuture(instance, UnitWhenDone(value), element);
    }

    /// <summary>
    /// Ends <paramref name="stream"/>, part of an async import's result its guest will never take
    /// (the instance trapped or was disposed first, <paramref name="reason"/>): its
    /// <see cref="WitStream{T}.Completion"/> fails with <paramref name="reason"/>, as for a stream
    /// passed to such an instance, and it is disposed with what it owns (its source, its .NET stream).
    /// </summary>
    /// <remarks>A stream already passed to a guest is that guest's, and ends with its end: it is left alone.</remarks>
    public static void Discard<T>(WitStream<T>? stream, Exception reason)
    {
        if (stream is { IsMoved: false })
        {
            stream.Abandon(reason);
        }
    }

    /// <summary>
    /// Ends <paramref name="future"/>, part of an async import's result its guest will never take
    /// (<paramref name="reason"/>, as for a stream): the value it ends with, now or later, never
    /// reaches the guest, so <paramref name="discardValue"/> ends what that value holds (its
    /// streams, owned resources and futures) with the same reason. A future that fails or is
    /// cancelled has no value to end. A future already lowered into a guest (<see cref="LowerFuture{T}(WamrInstance, Task{T}, ChannelElement{T})"/>)
    /// is left alone: its writer discards the value itself if the guest never gets it.
    /// </summary>
    public static void Discard<T>(Task<T>? future, Exception reason, Action<T, Exception> discardValue)
    {
        ArgumentNullException.ThrowIfNull(discardValue);
        if (future is null || LoweredFutures<T>.Contains(future))
        {
            return;
        }

        future.ContinueWith(
            static (done, state) =>
            {
                var (discard, why) = ((Action<T, Exception>, Exception))state!;
                discard(done.Result, why);
            },
            (discardValue, reason),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static async Task<Unit> UnitWhenDone(Task value)
    {
        await value.ConfigureAwait(false);
        return Unit.Value;
    }

    private static async Task<T> ReadFutureAsync<T>(ElementChannelEnd<T> reader)
    {
        using (reader)
        {
            // A trap of the guest's instance fails the read with the trap, its disposal with ObjectDisposedException.
            var value = new T[1];
            var read = await reader.ReadAsync(value, CancellationToken.None).ConfigureAwait(false);
            // Nothing read means the writer went without writing, which a guest cannot do without trapping.
            return read == 1 ? value[0] : throw new IOException($"The guest dropped its end of the {reader.TypeName} without writing a value.");
        }
    }

    // The host's value goes to the guest when both the task and the guest's read are there; a task
    // that fails or is cancelled drops the writer instead (the guest's read ends DROPPED).
    // A value the guest never gets (its instance went, or it dropped its end unread) is discarded
    // with why, when the element type holds something that would otherwise be left unended.
    private static async Task WriteFutureAsync<T>(Task<T> value, ElementChannelEnd<T> writer, StoreWatch<T>? storing = null)
    {
        using (writer)
        {
            T result;
            try
            {
                result = await value.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The failure has nowhere to go in a future: WIT types that need one carry a result.
                return;
            }

            Exception? undelivered;
            try
            {
                var written = await writer.WriteAsync(new[] { result }, CancellationToken.None).ConfigureAwait(false);
                undelivered = written == 1 ? null : new IOException($"The guest dropped its end of the {writer.TypeName} before reading its value.");
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                undelivered = exception;
            }

            // A store that began moved what it reached into the guest, which ends it with the instance.
            if (undelivered is not null && storing is { Began: false })
            {
                storing.Discard(result, undelivered);
            }
        }
    }

    // The type of the host's side: the spec's lift of a stream or future traps on an end of another
    // type (e.shared.t != t), which the host checks with it.
    private static CoreChannelType TypeOf<T>(bool isFuture, ChannelElement<T> element)
        => new("", "", 0, isFuture, element.Name, element.Structure, element.Size, element.Alignment, ElementIsNumber: false, ElementIsBytes: false);
}
