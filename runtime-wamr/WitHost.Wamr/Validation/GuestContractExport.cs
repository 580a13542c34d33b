using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Validation;

/// <summary>A function a guest of the world exports, or may export, for the host to call.</summary>
/// <param name="Name">The core export name.</param>
/// <param name="Type">The exact core type the export must have when the guest has it.</param>
/// <param name="IsRequired">False for exports a guest may leave out (<c>cabi_post_*</c>, destructors,
/// <c>cabi_realloc</c> when the host never lowers strings or lists into the guest).</param>
/// <param name="PassesStrings">True when it passes strings, so a guest's string encoding for it must be the host's.</param>
public sealed record GuestContractExport(string Name, FunctionType Type, bool IsRequired, bool PassesStrings = false)
{
    /// <summary>An export whose type is written as <c>(i32, i32) -> (i32)</c> (<see cref="FunctionType.Parse"/>).</summary>
    public GuestContractExport(string name, string type, bool isRequired, bool passesStrings = false) : this(name, FunctionType.Parse(type), isRequired, passesStrings) { }
}
