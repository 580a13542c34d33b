using WitHost.Wit.Abi;
using System.Text.RegularExpressions;
using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Async;

/// <summary>
/// The stream and future built-ins: <c>[stream-new-N]f</c>, <c>[stream-read-N]f</c>,
/// <c>[stream-write-N]f</c>, <c>[stream-cancel-read-N]f</c>, <c>[stream-cancel-write-N]f</c>,
/// <c>[stream-drop-readable-N]f</c>, <c>[stream-drop-writable-N]f</c> and the same for
/// <c>future</c>, reads, writes and cancels also in their <c>[async-lower]</c> form. The payload
/// type comes from the world (<see cref="ChannelPayloads"/>); the built-ins of module <c>$root</c>
/// whose N is <c>unit</c> (<c>[stream-new-unit]</c>) serve streams and futures without elements.
/// </summary>
internal static partial class ChannelBuiltins
{
    [GeneratedRegex(@"^\[(stream|future)-(new|read|write|cancel-read|cancel-write|drop-readable|drop-writable)-(\d+|unit)\](.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BuiltinName();

    public static HostFunction? Resolve(ChannelPayloads payloads, string module, string name)
    {
        var isAsync = name.StartsWith(AsyncHostImports.LowerPrefix, StringComparison.Ordinal);
        var match = BuiltinName().Match(isAsync ? name[AsyncHostImports.LowerPrefix.Length..] : name);
        if (!match.Success)
        {
            return null;
        }

        var isFuture = match.Groups[1].Value == "future";
        var type = match.Groups[3].Value == CoreNames.UnitChannel
            ? UnitType(module, match.Groups[4].Value, isFuture)
            : int.TryParse(match.Groups[3].Value, out var index) ? payloads.Find(module, match.Groups[4].Value, index) : null;
        if (type is null || type.IsFuture != isFuture)
        {
            return null;
        }

        return match.Groups[2].Value switch
        {
            "new" when !isAsync => call => New(call, type),
            "read" => call => Copy(call, type, reading: true, isAsync),
            "write" => call => Copy(call, type, reading: false, isAsync),
            "cancel-read" => call => Cancel(call, type, reading: true),
            "cancel-write" => call => Cancel(call, type, reading: false),
            "drop-readable" when !isAsync => call => Drop(call, type, readable: true),
            "drop-writable" when !isAsync => call => Drop(call, type, readable: false),
            _ => null,
        };
    }

    // The $root built-ins of streams and futures without elements name no function ([stream-new-unit]).
    private static CoreChannelType? UnitType(string module, string function, bool isFuture)
        => module == CoreNames.RootModule && function.Length == 0 ? CoreAsyncBuiltins.UnitChannelType(isFuture) : null;

    private static void New(HostCallContext call, CoreChannelType type)
    {
        var channel = new AsyncChannel(call.Instance, type);
        var state = AsyncBuiltins.State(call);
        lock (state.Gate)
        {
            var readable = state.Table.Add(new ChannelEnd(channel, isReadable: true));
            var writable = state.Table.Add(new ChannelEnd(channel, isReadable: false));
            call.SetResult(readable | ((ulong)writable << 32));
        }
    }

    private static ChannelEnd End(AsyncInstanceState state, HostCallContext call, CoreChannelType type, bool readable)
    {
        var end = state.Table.Get<ChannelEnd>(call.GetUInt32(0), readable ? "readable end" : "writable end", call.Import.Name);
        if (end.IsReadable != readable)
        {
            throw AsyncTrap.In(call.Import.Name, $"handle {end.Handle} is the {end.Kind}, not a {(readable ? "readable" : "writable")} end");
        }

        // The spec traps on an end of another type than the built-in's (e.shared.t != stream_t.t),
        // types compared by structure: the built-ins named after any function whose type holds the
        // same stream or future type serve the end (wit-bindgen's Rust runtime uses the first one's).
        if (!end.Channel.Type.IsSameType(type))
        {
            throw AsyncTrap.In(call.Import.Name, $"handle {end.Handle} is the {(readable ? "readable" : "writable")} end of a {end.Channel.Type.StructuralName}, not of the {type.StructuralName} this built-in serves");
        }

        return end;
    }

    private static void Copy(HostCallContext call, CoreChannelType type, bool reading, bool isAsync)
    {
        var state = AsyncBuiltins.State(call);
        var isFuture = type.IsFuture;
        ChannelEnd end;
        lock (state.Gate)
        {
            end = End(state, call, type, reading);
            var channel = end.Channel;
            if (end.Pending is not null)
            {
                throw AsyncTrap.In(call.Import.Name, $"the {end.Kind} (handle {end.Handle}) already has a copy in progress");
            }

            if (end.Done)
            {
                throw AsyncTrap.In(call.Import.Name, $"the {end.Kind} (handle {end.Handle}) is done (its other end was dropped or its value moved): it may only be dropped");
            }

            var pointer = call.GetUInt32(1);
            var count = isFuture ? 1u : call.GetUInt32(2);
            AsyncBuiltins.AbiContext(call, CanonicalAbi.StringEncoding.Utf8)
                .CheckRange(pointer, (ulong)count * channel.ElementSize, channel.Alignment, "buffer");
            var copy = new GuestCopy(end, pointer, count);
            if (end.Partner is { } partner)
            {
                // The spec's (temporary) rule: a read and a write of one instance meet only for
                // numbers, since anything else would be lifted from and lowered into one memory at once.
                if (partner is GuestCopy && !channel.Type.ElementIsNumber)
                {
                    throw AsyncTrap.In(call.Import.Name, $"the guest both reads and writes this {channel.TypeName}: within one instance only streams and futures of numbers may be copied");
                }

                channel.Transfer(reading ? partner : copy, reading ? copy : partner);
                channel.Finish(partner, CopyResult.Completed);
                end.Done = isFuture;
                call.SetResult(end.Status(copy.Done, CopyResult.Completed));
                return;
            }

            if (end.OtherEndDropped)
            {
                end.Done = true;
                call.SetResult(end.Status(0, CopyResult.Dropped));
                return;
            }

            end.Pending = copy;
            if (reading)
            {
                channel.Read = copy;
            }
            else
            {
                channel.Write = copy;
            }

            if (isAsync)
            {
                call.SetResult(AsyncAbi.Blocked);
                return;
            }

            if (state.Current is null)
            {
                channel.Finish(copy, CopyResult.Cancelled);
                end.Pending = null;
                throw AsyncTrap.In(call.Import.Name, "a synchronous export may not block: this copy must wait for the other end");
            }
        }

        // A synchronous copy inside an async task: this thread (which owns the instance) waits
        // for the other side, which needs nothing of the instance to arrive.
        while (true)
        {
            Task progress;
            lock (state.Gate)
            {
                if (end.HasEvent)
                {
                    call.SetResult(end.TakeEvent(call.Instance).Payload);
                    return;
                }

                progress = end.WhenProgress();
            }

            state.Block(progress);
        }
    }

    private static void Cancel(HostCallContext call, CoreChannelType type, bool reading)
    {
        var state = AsyncBuiltins.State(call);
        lock (state.Gate)
        {
            var end = End(state, call, type, reading);
            if (end.Pending is not { } pending)
            {
                throw AsyncTrap.In(call.Import.Name, $"the {end.Kind} (handle {end.Handle}) has no copy in progress to cancel");
            }

            if (!end.HasEvent)
            {
                pending.Result = CopyResult.Cancelled;
            }

            call.SetResult(end.TakeEvent(call.Instance).Payload);
        }
    }

    private static void Drop(HostCallContext call, CoreChannelType type, bool readable)
    {
        var state = AsyncBuiltins.State(call);
        lock (state.Gate)
        {
            var end = End(state, call, type, readable);
            if (end.Pending is not null)
            {
                throw AsyncTrap.In(call.Import.Name, $"the {end.Kind} (handle {end.Handle}) has a copy in progress: cancel it first");
            }

            // A future's reader waits for its one value, so its writer must give it (or learn the
            // reader is gone) before it goes; a reader may walk away at any time.
            if (!readable && end.Channel.IsFuture && !end.Done)
            {
                throw AsyncTrap.In(call.Import.Name, $"the {end.Kind} (handle {end.Handle}) was dropped before a value was written");
            }

            end.Join(null);
            state.Table.Remove(end);
            DropEnd(end.Channel, readable);
        }
    }

    /// <summary>One end goes: a copy waiting on the other side ends with what it moved. Called under the gate.</summary>
    public static void DropEnd(AsyncChannel channel, bool readable)
    {
        channel.EndDropped();
        if (readable)
        {
            channel.ReadableDropped = true;
            Release(channel, channel.Write);
        }
        else
        {
            channel.WritableDropped = true;
            Release(channel, channel.Read);
        }
    }

    private static void Release(AsyncChannel channel, PendingCopy? waiting)
    {
        switch (waiting)
        {
            case HostCopy host:
                channel.Finish(host, CopyResult.Dropped);
                break;
            case GuestCopy guest:
                // The guest is told when it looks at its end (its event says DROPPED).
                guest.End.Progress();
                break;
        }
    }
}
