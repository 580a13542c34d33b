namespace WitHost.Wamr.Async;

/// <summary>
/// A Component Model <c>error-context</c>: an error's debug message, which guests make with
/// <c>error-context.new</c> and read with <c>error-context.debug-message</c>. The host gets one
/// when it lifts an <c>error-context</c> value and may lower its own into a guest. It is an
/// exception because that is how it usually crosses: as the error of a <c>result</c>
/// (<c>result&lt;T, error-context&gt;</c>), which a host may throw or keep as a value.
/// </summary>
public sealed class ErrorContext : Exception
{
    public ErrorContext(string debugMessage)
        : base(debugMessage ?? throw new ArgumentNullException(nameof(debugMessage)))
    {
        DebugMessage = debugMessage;
    }

    /// <summary>The message; for diagnostics only (the spec lets hosts change or drop it).</summary>
    public string DebugMessage { get; }

    public override string ToString() => DebugMessage;
}
