using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Validation;

/// <summary>A function the host provides to guests of its world, as a core import.</summary>
/// <param name="Module">The core import module.</param>
/// <param name="Name">The core import name.</param>
/// <param name="Type">The exact core type a guest must import it with.</param>
public sealed record GuestContractImport(string Module, string Name, FunctionType Type)
{
    /// <summary>An import whose type is written as <c>(i32, i32) -> ()</c> (<see cref="FunctionType.Parse"/>).</summary>
    public GuestContractImport(string module, string name, string type) : this(module, name, FunctionType.Parse(type)) { }
}
