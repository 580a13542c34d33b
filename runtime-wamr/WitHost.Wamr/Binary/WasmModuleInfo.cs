namespace WitHost.Wamr.Binary;

/// <summary>What the runtime needs to know about a module before WAMR loads it.</summary>
/// <param name="FunctionImports">Every imported function with its core type.</param>
/// <param name="Exports">Every export.</param>
/// <param name="MemoryLimits">The limits of the module's own (not imported) memory, if it defines one.</param>
/// <param name="MemorySection">Where the memory section sits in the module bytes, for <see cref="WasmModulePatcher"/>.</param>
/// <param name="ImportsMemory">Whether the module imports its memory instead of defining one.</param>
public sealed record WasmModuleInfo(
    IReadOnlyList<ModuleImport> FunctionImports,
    IReadOnlyList<ModuleExport> Exports,
    MemoryLimits? MemoryLimits,
    MemorySectionLocation? MemorySection,
    bool ImportsMemory)
{
    /// <summary>
    /// The function exports whose runs are short by construction (<see cref="Binary.BoundedExports"/>):
    /// a core call of one may skip the GC transition.
    /// </summary>
    internal IReadOnlySet<string> BoundedExports { get; init; } = System.Collections.Immutable.ImmutableHashSet<string>.Empty;
}
