using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Validation;

/// <summary>One way a guest differs from the world a host was made for.</summary>
/// <param name="Kind">What differs.</param>
/// <param name="Module">The core import module for an import; null for an export.</param>
/// <param name="Name">The core import or export name.</param>
/// <param name="Expected">The core type the world gives the function; null when the world has no such function.</param>
/// <param name="Actual">The core type the guest gives it; null when the guest has no such function.</param>
/// <param name="Message">The difference in words, naming the function.</param>
public sealed record GuestMismatch(
    GuestMismatchKind Kind,
    string? Module,
    string Name,
    FunctionType? Expected,
    FunctionType? Actual,
    string Message)
{
    public override string ToString() => Message;
}
