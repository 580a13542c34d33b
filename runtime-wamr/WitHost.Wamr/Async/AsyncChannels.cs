using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Wamr.Async;

/// <summary>
/// Moves stream and future ends across the boundary: the readable end a guest passes or returns is
/// taken from its table and becomes the host's reader; a new stream or future whose readable end
/// the host lowers into the guest gives the host its writer.
/// </summary>
public static class AsyncChannels
{
    /// <summary>
    /// Takes the readable stream end <paramref name="handle"/> from the guest, as an end of
    /// <paramref name="type"/>: a bad handle, or an end of another type (compared by structure, as
    /// the spec's lift does), is a trap.
    /// </summary>
    /// <exception cref="NotSupportedException">The elements of <paramref name="type"/> are not bytes (only numbers, bool and char are).</exception>
    public static HostStreamReader TakeStreamReader(WamrInstance instance, uint handle, string functionName, WitStreamType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var expected = BytesChannelType(type);
        return Take(instance, handle, functionName, isFuture: false, expected.IsSameType, expected.StructuralName, (channel, state) => new HostStreamReader(channel, state));
    }

    /// <summary>
    /// Takes the readable stream end <paramref name="handle"/> from the guest, of any stream whose
    /// elements are bytes (numbers, bool, char, or none): a bad handle is a trap, but the end's type
    /// is not checked against the function's, as the spec's lift does; the overload taking the
    /// <see cref="WitStreamType"/> checks it.
    /// </summary>
    public static HostStreamReader TakeStreamReader(WamrInstance instance, uint handle, string functionName) =>
        Take(instance, handle, functionName, isFuture: false, type => type.ElementIsBytes, "stream of bytes", (channel, state) => new HostStreamReader(channel, state));

    /// <summary>
    /// Takes the readable future end <paramref name="handle"/> from the guest, as an end of
    /// <paramref name="type"/>: a bad handle, or an end of another type (compared by structure, as
    /// the spec's lift does), is a trap.
    /// </summary>
    /// <exception cref="NotSupportedException">The payload of <paramref name="type"/> is not bytes (only numbers, bool and char are).</exception>
    public static HostFutureReader TakeFutureReader(WamrInstance instance, uint handle, string functionName, WitFutureType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var expected = BytesChannelType(type);
        return Take(instance, handle, functionName, isFuture: true, expected.IsSameType, expected.StructuralName, (channel, state) => new HostFutureReader(channel, state));
    }

    /// <summary>
    /// Takes the readable future end <paramref name="handle"/> from the guest, of any future whose
    /// payload is bytes (numbers, bool, char, or none): a bad handle is a trap, but the end's type
    /// is not checked against the function's, as the spec's lift does; the overload taking the
    /// <see cref="WitFutureType"/> checks it.
    /// </summary>
    public static HostFutureReader TakeFutureReader(WamrInstance instance, uint handle, string functionName) =>
        Take(instance, handle, functionName, isFuture: true, type => type.ElementIsBytes, "future of bytes", (channel, state) => new HostFutureReader(channel, state));

    /// <summary>A new stream of <paramref name="type"/>: the guest gets the readable end (the handle returned), the host <paramref name="writer"/>.</summary>
    /// <exception cref="NotSupportedException">The elements are not bytes (only numbers, bool and char are; generated hosts move the others as C# values).</exception>
    public static uint LowerNewStream(WamrInstance instance, WitStreamType type, out HostStreamWriter writer)
    {
        ArgumentNullException.ThrowIfNull(type);
        var (handle, channel, state) = LowerNew(instance, type);
        writer = new HostStreamWriter(channel, state);
        return handle;
    }

    /// <summary>A new future of <paramref name="type"/>: the guest gets the readable end (the handle returned), the host <paramref name="writer"/>.</summary>
    public static uint LowerNewFuture(WamrInstance instance, WitFutureType type, out HostFutureWriter writer)
    {
        ArgumentNullException.ThrowIfNull(type);
        var (handle, channel, state) = LowerNew(instance, type);
        writer = new HostFutureWriter(channel, state);
        return handle;
    }

    private static (uint Handle, AsyncChannel Channel, AsyncInstanceState State) LowerNew(WamrInstance instance, WitType channelType)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return LowerNew(instance, BytesChannelType(channelType));
    }

    // The core type of a stream or future the byte-level host ends move: its elements must be bytes.
    private static CoreChannelType BytesChannelType(WitType channelType)
    {
        var type = CoreAsyncBuiltins.ChannelType("", "", 0, channelType);
        if (!type.ElementIsBytes)
        {
            throw new NotSupportedException($"The host ends of a {type.TypeName} move bytes, which only numbers, bool and char are; generated hosts move other elements as C# values.");
        }

        return type;
    }

    /// <summary>A new stream or future of <paramref name="type"/> whose readable end the guest gets (the handle returned).</summary>
    internal static (uint Handle, AsyncChannel Channel, AsyncInstanceState State) LowerNew(WamrInstance instance, CoreChannelType type)
    {
        var channel = new AsyncChannel(instance, type);
        var state = instance.AsyncState;
        lock (state.Gate)
        {
            var handle = state.Table.Add(new ChannelEnd(channel, isReadable: true));

            // Made after the instance trapped or was disposed: no guest will ever read it.
            if (state.GuestGone(channel) is { } gone)
            {
                channel.Abandon(gone);
            }

            return (handle, channel, state);
        }
    }

    /// <summary>
    /// Takes readable end <paramref name="handle"/> from the guest, if its channel is one
    /// <paramref name="accepts"/> (<paramref name="expected"/> says which, for the trap's message).
    /// </summary>
    internal static T Take<T>(WamrInstance instance, uint handle, string functionName, bool isFuture, Func<CoreChannelType, bool> accepts, string expected, Func<AsyncChannel, AsyncInstanceState, T> wrap)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = instance.AsyncState;
        lock (state.Gate)
        {
            ChannelEnd end;
            try
            {
                end = state.Table.Get<ChannelEnd>(handle, isFuture ? "readable future end" : "readable stream end", functionName);
            }
            catch (WasmTrapException trap)
            {
                throw instance.Fault(functionName, trap.TrapMessage, null);
            }

            if (!end.IsReadable || end.Channel.IsFuture != isFuture || end.Pending is not null)
            {
                throw instance.Fault(functionName, $"handle {handle} is the {end.Kind}{(end.Pending is null ? "" : " with a copy in progress")}, not a readable {(isFuture ? "future" : "stream")} end the guest can give away", null);
            }

            if (end.Done)
            {
                throw instance.Fault(functionName, $"handle {handle} is the {end.Kind}, which is done (its writable end was dropped or its value read): it may only be dropped, not given away", null);
            }

            if (!accepts(end.Channel.Type))
            {
                throw instance.Fault(functionName, $"handle {handle} is the readable end of a {end.Channel.Type.StructuralName}, not of the {expected} the host takes", null);
            }

            end.Join(null);
            state.Table.Remove(end);
            return wrap(end.Channel, state);
        }
    }
}
