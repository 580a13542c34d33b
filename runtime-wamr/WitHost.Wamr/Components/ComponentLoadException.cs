namespace WitHost.Wamr.Components;

/// <summary>
/// A component binary could not be loaded: it is malformed (the message names the problem and
/// its byte offset), or it has a shape WitHost cannot run on WAMR (the message names the
/// construct: a nested component that does more than ascribe types, several main modules, an
/// instance of another component, a core module importing another module's memory, …;
/// docs/toolchains.md lists them).
/// </summary>
public sealed class ComponentLoadException : WasmModuleLoadException
{
    public ComponentLoadException(string message, long? offset = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Offset = offset;
    }

    /// <summary>The byte offset in the component the problem was found at, when there is one.</summary>
    public long? Offset { get; }
}
