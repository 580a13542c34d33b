using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>A function a world imports, as the core guest imports it.</summary>
/// <param name="InterfaceItemName">The imported interface's world name (<c>ns:pkg/iface@ver</c>), or null for a function the world imports directly.</param>
/// <param name="Function">The WIT function.</param>
/// <param name="CoreName">The core import (module and name).</param>
/// <param name="Signature">Its core signature, lowered.</param>
public sealed record CoreImportBinding(
    string? InterfaceItemName,
    WitFunction Function,
    CoreImportName CoreName,
    CoreFunctionSignature Signature);
