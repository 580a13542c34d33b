using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Validation;

/// <summary>A function the host provides to guests of its world, as a core import.</summary>
/// <param name="Module">The core import module.</param>
/// <param name="Name">The core import name.</param>
/// <param name="Type">The exact core type a guest must import it with.</param>
/// <param name="PassesStrings">True when it passes strings, so a guest's string encoding for it must be the host's.</param>
public sealed record GuestContractImport(string Module, string Name, FunctionType Type, bool PassesStrings = false)
{
    /// <summary>An import whose type is written as <c>(i32, i32) -> ()</c> (<see cref="FunctionType.Parse"/>).</summary>
    public GuestContractImport(string module, string name, string type, bool passesStrings = false) : this(module, name, FunctionType.Parse(type), passesStrings) { }
}
