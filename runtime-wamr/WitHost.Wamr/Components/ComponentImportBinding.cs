namespace WitHost.Wamr.Components;

/// <summary>
/// How a component satisfies one function import of its main core module.
/// </summary>
/// <param name="CoreModule">The import's module name in the main module (<c>example:sample/logging</c>, <c>$root</c>, <c>wasi_snapshot_preview1</c>).</param>
/// <param name="CoreName">The import's field name in the main module (<c>log-u32</c>, <c>fd_write</c>).</param>
/// <param name="ComponentImport">
/// The component import behind it: the interface instance's name (<c>example:sample/logging</c>),
/// <c>$root</c> for a function the component imports by itself, the interface name of a resource
/// for <c>resource.*</c> (for a resource the component defines, the main module's
/// <c>[export]…</c> module name), <c>wasi_snapshot_preview1</c> for an adapter function.
/// </param>
/// <param name="Function">The function within it (<c>log-u32</c>, <c>[resource-drop]thing</c>, <c>fd_write</c>).</param>
/// <param name="Options">The canon options of the lowering (utf8 and no realloc for resource built-ins and WASI).</param>
/// <param name="Kind">What kind of definition serves it.</param>
public sealed record ComponentImportBinding(
    string CoreModule,
    string CoreName,
    string ComponentImport,
    string Function,
    CanonOptions Options,
    ComponentImportKind Kind);
