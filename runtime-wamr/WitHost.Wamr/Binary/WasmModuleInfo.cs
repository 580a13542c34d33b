namespace WitHost.Wamr.Binary;

/// <summary>What the runtime needs to know about a module before WAMR loads it.</summary>
/// <param name="FunctionImports">Every imported function with its core type.</param>
/// <param name="Exports">Every export.</param>
/// <param name="MemoryLimits">The limits of the module's own (not imported) memory, if it defines one.</param>
/// <param name="MemorySection">Where the memory section sits in the module bytes, for <see cref="WasmModulePatcher"/>.</param>
/// <param name="ImportsMemory">Whether the module imports its memory instead of defining one.</param>
/// <param name="BoundedExports">The exported functions that provably finish in a short, bounded
/// time without calling the host (<see cref="BoundedFunctionAnalysis"/>); null: none.</param>
public sealed record WasmModuleInfo(
    IReadOnlyList<ModuleImport> FunctionImports,
    IReadOnlyList<ModuleExport> Exports,
    MemoryLimits? MemoryLimits,
    MemorySectionLocation? MemorySection,
    bool ImportsMemory,
    IReadOnlySet<string>? BoundedExports = null)
{
    /// <summary>Whether the export <paramref name="name"/> is a function in <see cref="BoundedExports"/>.</summary>
    public bool IsBoundedExport(string name) => BoundedExports?.Contains(name) == true;
}
