namespace WitHost.Wamr.Async;

/// <summary>A guest's handle to an <see cref="ErrorContext"/> in its async table.</summary>
internal sealed class ErrorContextEntry(ErrorContext value) : AsyncHandle
{
    public ErrorContext Value { get; } = value;

    public override string Kind => "error context";
}
