namespace WitHost.Wamr;

/// <summary>A loaded module could not be instantiated (WAMR's reason, or a failed <c>_initialize</c>).</summary>
public sealed class WasmInstantiationException : WamrException
{
    public WasmInstantiationException(string message, Exception? innerException = null) : base(message, innerException) { }
}
