namespace WitHost.Wit.Abi;

/// <summary>A function the host provides to a core guest of a world.</summary>
/// <param name="Module">The core import module, e.g. <c>ns:pkg/iface</c>, <c>$root</c> or <c>[export]ns:pkg/iface</c>.</param>
/// <param name="Name">The core import name, e.g. <c>f</c> or <c>[resource-drop]r</c>.</param>
/// <param name="Type">The exact core type the guest must import it with.</param>
/// <param name="PassesStrings">True when its parameters or result hold strings, so the guest's string encoding matters.</param>
public sealed record CoreContractImport(string Module, string Name, CoreFunctionType Type, bool PassesStrings = false);
