namespace WitHost.Wamr;

/// <summary>How a module is loaded.</summary>
public sealed record ModuleOptions
{
    public static ModuleOptions Default { get; } = new();

    /// <summary>
    /// The most linear memory every instance of the module may have, in 64 KiB pages
    /// (null: as the module declares, at most 4 GiB). <c>memory.grow</c> past it fails in the
    /// guest. WAMR fixes a memory's maximum when it loads a module, so the limit is set here.
    /// </summary>
    public uint? MaxMemoryPages { get; init; }

    /// <summary>
    /// The module's name in traces and metrics (<see cref="WamrModule.Name"/>); null: the file's
    /// name without its extension for a module loaded from a file, else none.
    /// </summary>
    public string? Name { get; init; }
}
