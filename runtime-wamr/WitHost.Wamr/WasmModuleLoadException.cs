namespace WitHost.Wamr;

/// <summary>
/// The module bytes could not be loaded; <see cref="Exception.Message"/> carries WAMR's own reason
/// (or, for a component, <see cref="Components.ComponentLoadException"/>'s).
/// </summary>
public class WasmModuleLoadException : WamrException
{
    public WasmModuleLoadException(string message) : base(message) { }

    public WasmModuleLoadException(string message, Exception? innerException) : base(message, innerException) { }
}
