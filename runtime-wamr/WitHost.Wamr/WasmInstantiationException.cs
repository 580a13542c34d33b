using WitHost.Wamr.Validation;

namespace WitHost.Wamr;

/// <summary>
/// A loaded module could not be instantiated: it does not match the host's world
/// (<see cref="Mismatches"/>), WAMR refused it, its start function or <c>_initialize</c> trapped,
/// or the guest exited in either (the inner exception is then the <see cref="WasmExitException"/>).
/// </summary>
public sealed class WasmInstantiationException : WamrException
{
    public WasmInstantiationException(string message, Exception? innerException = null) : base(message, innerException)
    {
        Mismatches = [];
    }

    /// <summary>The guest does not match world <paramref name="worldName"/>: one exception lists every difference.</summary>
    public WasmInstantiationException(string worldName, IReadOnlyList<GuestMismatch> mismatches)
        : base(Describe(worldName, mismatches))
    {
        Mismatches = mismatches;
    }

    /// <summary>Every way the guest differs from the host's world; empty when that was not the reason.</summary>
    public IReadOnlyList<GuestMismatch> Mismatches { get; }

    private static string Describe(string worldName, IReadOnlyList<GuestMismatch> mismatches)
    {
        ArgumentNullException.ThrowIfNull(worldName);
        ArgumentNullException.ThrowIfNull(mismatches);
        var count = mismatches.Count == 1 ? "1 mismatch" : $"{mismatches.Count} mismatches";
        return $"The guest does not match the world '{worldName}' ({count}):" + string.Concat(mismatches.Select(m => Environment.NewLine + "- " + m.Message));
    }
}
