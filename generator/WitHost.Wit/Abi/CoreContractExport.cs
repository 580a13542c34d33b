namespace WitHost.Wit.Abi;

/// <summary>A function a core guest of a world exports, or may export, for the host to call.</summary>
/// <param name="Name">The core export name, e.g. <c>ns:pkg/iface#f</c> or <c>cabi_realloc</c>.</param>
/// <param name="Type">The exact core type the export must have when it is present.</param>
/// <param name="IsRequired">False for functions the guest may leave out (<c>cabi_post_*</c>,
/// resource destructors, and <c>cabi_realloc</c> when nothing is lowered into the guest).</param>
/// <param name="PassesStrings">True when its parameters or result hold strings, so the guest's string encoding matters.</param>
public sealed record CoreContractExport(string Name, CoreFunctionType Type, bool IsRequired, bool PassesStrings = false);
