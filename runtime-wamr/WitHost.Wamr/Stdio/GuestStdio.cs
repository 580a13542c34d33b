namespace WitHost.Wamr.Stdio;

/// <summary>
/// One instance's standard input, output and error, as <see cref="WasiOptions"/> chose them:
/// the descriptors WAMR's WASI serves as the guest's 0, 1 and 2, and the pipes behind them.
/// </summary>
/// <remarks>
/// An inherited stream is the host's own descriptor (WAMR's -1). Every other stream is a
/// per-instance pipe, also for <c>None</c>: a pipe whose host end is closed at once is end of
/// input, and one drained into nothing accepts every write; a pipe also gives each descriptor an
/// identity, which <see cref="GuestPipe.ReclaimGuestEnd"/> needs after a failed instantiation.
/// </remarks>
internal sealed class GuestStdio : IDisposable
{
    private readonly WasiOptions _options;
    private readonly GuestPipe? _stdin;
    private readonly GuestPipe? _stdout;
    private readonly GuestPipe? _stderr;
    private bool _disposed;

    public GuestStdio(WasiOptions? options)
    {
        _options = options ?? new WasiOptions();
        try
        {
            _stdin = _options.Stdin.Kind == WasiStdioKind.Inherit ? null : GuestPipe.ForInput();
            _stdout = _options.Stdout.Kind == WasiStdioKind.Inherit ? null : GuestPipe.ForOutput();
            _stderr = _options.Stderr.Kind == WasiStdioKind.Inherit ? null : GuestPipe.ForOutput();
        }
        catch
        {
            foreach (var pipe in new[] { _stdin, _stdout, _stderr })
            {
                pipe?.ReclaimGuestEnd();
                pipe?.Dispose(waitForOutput: false);
            }
            throw;
        }
    }

    /// <summary>The descriptor for the guest's stdin, or -1 for the host's own.</summary>
    public int StdinDescriptor => _stdin?.GuestDescriptor ?? -1;

    /// <summary>The descriptor for the guest's stdout, or -1 for the host's own.</summary>
    public int StdoutDescriptor => _stdout?.GuestDescriptor ?? -1;

    /// <summary>The descriptor for the guest's stderr, or -1 for the host's own.</summary>
    public int StderrDescriptor => _stderr?.GuestDescriptor ?? -1;

    /// <summary>The instance exists and WAMR owns the guest's ends: start the pumps.</summary>
    public void Start()
    {
        foreach (var pipe in new[] { _stdin, _stdout, _stderr })
        {
            pipe?.GuestEndTaken();
        }

        if (_stdin is not null)
        {
            if (_options.Stdin.Kind == WasiStdioKind.None)
            {
                _stdin.CloseHostEnd();
            }
            else
            {
                _stdin.PumpFrom(_options.Stdin.OpenSource());
            }
        }
        _stdout?.PumpTo(_options.Stdout.Kind == WasiStdioKind.None ? null : _options.Stdout);
        _stderr?.PumpTo(_options.Stderr.Kind == WasiStdioKind.None ? null : _options.Stderr);
    }

    /// <summary>WAMR did not create the instance: close what it left open.</summary>
    public void InstantiationFailed()
    {
        foreach (var pipe in new[] { _stdin, _stdout, _stderr })
        {
            pipe?.ReclaimGuestEnd();
        }
        DisposePipes(waitForOutput: false);
    }

    /// <summary>Called once the instance is gone: delivers the rest of the guest's output and closes every pipe.</summary>
    public void Dispose() => DisposePipes(waitForOutput: true);

    private void DisposePipes(bool waitForOutput)
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _stdin?.Dispose(waitForOutput: false);
        _stdout?.Dispose(waitForOutput);
        _stderr?.Dispose(waitForOutput);
    }
}
