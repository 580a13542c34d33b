namespace WitHost.Wamr;

/// <summary>The module bytes could not be loaded; <see cref="Exception.Message"/> carries WAMR's own reason.</summary>
public sealed class WasmModuleLoadException : WamrException
{
    public WasmModuleLoadException(string message) : base(message) { }
}
