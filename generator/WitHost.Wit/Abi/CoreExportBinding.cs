using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>A function a world exports, as the core guest exports it.</summary>
/// <param name="InterfaceItemName">The exported interface's world name (<c>ns:pkg/iface@ver</c>), or null for a function the world exports directly.</param>
/// <param name="Function">The WIT function.</param>
/// <param name="CoreName">The core export name, e.g. <c>ns:pkg/iface#f</c>.</param>
/// <param name="PostReturnName">The post-return export the guest may have for it.</param>
/// <param name="Signature">Its core signature, lifted.</param>
public sealed record CoreExportBinding(
    string? InterfaceItemName,
    WitFunction Function,
    string CoreName,
    string PostReturnName,
    CoreFunctionSignature Signature);
