using System.Buffers;
using System.IO.Pipes;
using Microsoft.Win32.SafeHandles;

namespace WitHost.Wamr.Stdio;

/// <summary>
/// A pipe behind one of a guest's standard streams. WAMR gets the guest's end and owns it from
/// instantiation on (its WASI closes descriptors above 2 when the instance goes); the host keeps
/// the other end and a pump that moves bytes between it and the host's stream or callback.
/// </summary>
internal sealed class GuestPipe
{
    private readonly AnonymousPipeServerStream _host;
    private readonly SafePipeHandle _guest;
    private readonly string? _identity;
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;

    // What an output pump reads into while it waits, and while the guest writes a lot.
    private const int IdleBufferBytes = 256;
    private const int BurstBufferBytes = 16 * 1024;

    private GuestPipe(PipeDirection hostDirection)
    {
        _host = new AnonymousPipeServerStream(hostDirection, HandleInheritability.None);
        _guest = _host.ClientSafePipeHandle;
        GuestDescriptor = checked((int)_guest.DangerousGetHandle());
        _identity = DescriptorIdentity(GuestDescriptor);
    }

    /// <summary>The descriptor WAMR serves as the guest's stream.</summary>
    public int GuestDescriptor { get; }

    /// <summary>A pipe the guest reads from.</summary>
    public static GuestPipe ForInput() => new(PipeDirection.Out);

    /// <summary>A pipe the guest writes to.</summary>
    public static GuestPipe ForOutput() => new(PipeDirection.In);

    /// <summary>WAMR took the guest's end: from now on only WAMR closes it.</summary>
    public void GuestEndTaken() => _guest.SetHandleAsInvalid();

    /// <summary>
    /// Instantiation failed. WAMR closed the guest's end if it got as far as setting up WASI and not
    /// otherwise, and does not say which; the descriptor number may even have been reused since by
    /// another thread. The end is closed here only when the number still names this pipe (nothing
    /// else holds this pipe, so the number cannot name it unless it is still ours).
    /// </summary>
    public void ReclaimGuestEnd()
    {
        if (_identity is not null && DescriptorIdentity(GuestDescriptor) == _identity)
        {
            _guest.Dispose();
        }
        else
        {
            _guest.SetHandleAsInvalid();
        }
    }

    /// <summary>Starts copying <paramref name="source"/> into the pipe; the guest reads end of input when it ends.</summary>
    public void PumpFrom(Stream source) => _pump = PumpInputAsync(source, _stop.Token);

    /// <summary>Starts draining the pipe into <paramref name="target"/> (null: discard).</summary>
    public void PumpTo(WasiOutput? target) => _pump = PumpOutputAsync(target);

    /// <summary>Closes the host's end now: a guest reading this pipe sees end of input.</summary>
    public void CloseHostEnd() => _host.Dispose();

    /// <summary>
    /// After the instance is gone (so WAMR has closed the guest's end): waits until an output pump has
    /// delivered everything the guest wrote, stops an input pump, and closes the host's end.
    /// </summary>
    public void Dispose(bool waitForOutput)
    {
        _stop.Cancel();
        if (waitForOutput)
        {
            _pump.GetAwaiter().GetResult();
        }
        _host.Dispose();
        _guest.Dispose();
        _stop.Dispose();
    }

    private async Task PumpOutputAsync(WasiOutput? target)
    {
        // Pooled: instances come and go by the thousand, each with two output pumps. The pump
        // waits for output with a small buffer, since most guests write little or nothing and a
        // live instance would otherwise hold two large buffers for its whole life; a read that
        // fills the small one suggests more is waiting, so the next reads take a large one until
        // a read leaves it part empty (the pipe is drained).
        byte[] buffer = ArrayPool<byte>.Shared.Rent(IdleBufferBytes);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await _host.ReadAsync(buffer).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    return;
                }
                if (read == 0)
                {
                    return;
                }
                try
                {
                    target?.Deliver(buffer.AsSpan(0, read));
                }
                catch
                {
                    // The host's stream or callback failed. Keep draining, discarding, so that the
                    // guest never waits on a full pipe; the rest of this instance's output is lost.
                    target = null;
                }
                int next = read == buffer.Length ? BurstBufferBytes : IdleBufferBytes;
                if (next != buffer.Length)
                {
                    byte[] previous = buffer;
                    buffer = ArrayPool<byte>.Shared.Rent(next);
                    ArrayPool<byte>.Shared.Return(previous);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task PumpInputAsync(Stream source, CancellationToken stop)
    {
        try
        {
            await source.CopyToAsync(_host, stop).ConfigureAwait(false);
        }
        catch
        {
            // Disposed, cancelled, the guest closed its end (EPIPE), or the host's stream failed:
            // either way the guest's input ends here.
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>What the descriptor names (<c>pipe:[inode]</c>), or null when it is closed.</summary>
    private static string? DescriptorIdentity(int descriptor)
    {
        try
        {
            return new FileInfo($"/proc/self/fd/{descriptor}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
