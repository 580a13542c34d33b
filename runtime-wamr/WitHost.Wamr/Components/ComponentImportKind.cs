namespace WitHost.Wamr.Components;

/// <summary>What serves one import of a component's main module.</summary>
public enum ComponentImportKind
{
    /// <summary>A <c>canon lower</c> of a function the component imports.</summary>
    Function,

    /// <summary><c>canon resource.new</c>.</summary>
    ResourceNew,

    /// <summary><c>canon resource.rep</c>.</summary>
    ResourceRep,

    /// <summary><c>canon resource.drop</c>.</summary>
    ResourceDrop,

    /// <summary>
    /// A WASI preview1 function the component's embedded adapter implemented: WAMR's own
    /// libc-wasi serves it instead.
    /// </summary>
    WasiPreview1,

    /// <summary>
    /// An async or thread canon built-in (<c>task.return</c>, <c>waitable-set.wait</c>,
    /// <c>stream.read</c>, …): the runtime's async built-ins serve it under its core name
    /// (<see cref="ComponentImportBinding.Function"/> in <see cref="ComponentImportBinding.ComponentImport"/>).
    /// </summary>
    AsyncBuiltin,
}
