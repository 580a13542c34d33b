using WitHost.Wit.Binary;
using WitHost.Wit.Model;

namespace WitHost.Wit.Abi;

/// <summary>
/// The core import and export names a guest uses for a world's functions and resources, following
/// wit-bindgen's default name mangling (the one <c>wasm-tools component new</c> accepts).
/// </summary>
public static class CoreNames
{
    /// <summary>The import module of functions a world imports directly.</summary>
    public const string RootModule = "$root";

    /// <summary>The guest's allocator export.</summary>
    public const string Realloc = "cabi_realloc";

    /// <summary>The prefix of an export's post-return function.</summary>
    public const string PostReturnPrefix = "cabi_post_";

    /// <summary>
    /// The core import of <paramref name="function"/>, imported through world item
    /// <paramref name="interfaceItemName"/> (the interface's world name, e.g. <c>wasi:io/streams@0.2.0</c>),
    /// or directly by the world when it is null.
    /// </summary>
    public static CoreImportName Import(string? interfaceItemName, WitFunction function)
        => new(interfaceItemName ?? RootModule, function.IsAsync ? AsyncLowerPrefix + function.ExternalName : function.ExternalName);

    /// <summary>
    /// The core export name of <paramref name="function"/>, exported through world item
    /// <paramref name="interfaceItemName"/>, or directly by the world when it is null.
    /// </summary>
    public static string Export(string? interfaceItemName, WitFunction function)
        => interfaceItemName is null ? function.ExternalName : interfaceItemName + "#" + function.ExternalName;

    /// <summary>The prefix of an import the guest lowers asynchronously.</summary>
    public const string AsyncLowerPrefix = "[async-lower]";

    /// <summary>The prefix of an export lifted asynchronously with a callback.</summary>
    public const string AsyncLiftPrefix = "[async-lift]";

    /// <summary>The prefix of an export lifted asynchronously without a callback (stackful).</summary>
    public const string StackfulLiftPrefix = "[async-lift-stackful]";

    /// <summary>The prefix of an async built-in's name when the guest may not block in it (<c>cancellable</c>).</summary>
    public const string CancellablePrefix = "[cancellable]";

    /// <summary>The prefix of the callback of an export lifted asynchronously.</summary>
    public const string CallbackPrefix = "[callback]" + AsyncLiftPrefix;

    /// <summary>
    /// The core export that starts async export <paramref name="exportName"/> (its name as
    /// <see cref="Export"/> gives it), lifted with a callback.
    /// </summary>
    public static string AsyncLift(string exportName) => AsyncLiftPrefix + exportName;

    /// <summary>The callback the guest exports for async export <paramref name="exportName"/>.</summary>
    public static string Callback(string exportName) => CallbackPrefix + exportName;

    /// <summary>How the name of a <c>task.return</c> import begins; the export's function name follows.</summary>
    public const string TaskReturnPrefix = "[task-return]";

    /// <summary>The name of the <c>task.cancel</c> import.</summary>
    public const string TaskCancelName = "[task-cancel]";

    /// <summary>The <c>task.return</c> import through which async export <paramref name="function"/> of <paramref name="interfaceItemName"/> returns its result.</summary>
    public static CoreImportName TaskReturn(string? interfaceItemName, WitFunction function)
        => new(ExportedResourceModule(interfaceItemName), TaskReturnPrefix + function.ExternalName);

    /// <summary>
    /// The <c>task.return</c> import of the async export named <paramref name="exportName"/> as
    /// <see cref="Export"/> names it (<c>ns:pkg/iface#f</c>, or a world function's own name).
    /// </summary>
    public static CoreImportName TaskReturn(string exportName)
    {
        var hash = exportName.LastIndexOf('#');
        return hash < 0
            ? new(ExportedResourceModule(null), TaskReturnPrefix + exportName)
            : new(ExportedResourceModule(exportName.Substring(0, hash)), TaskReturnPrefix + exportName.Substring(hash + 1));
    }

    /// <summary>The <c>task.cancel</c> import of the async exports of <paramref name="interfaceItemName"/>.</summary>
    public static CoreImportName TaskCancel(string? interfaceItemName)
        => new(ExportedResourceModule(interfaceItemName), TaskCancelName);

    /// <summary>
    /// The name in module <see cref="RootModule"/> under which a guest imports async or thread
    /// built-in <paramref name="builtin"/> (<c>[waitable-set-new]</c>, <c>[context-get-0]</c>,
    /// <c>[error-context-new-utf8]</c>, <c>[async-lower][subtask-cancel]</c>,
    /// <c>[cancellable][waitable-set-wait]</c>); null for the built-ins whose names say which
    /// function they serve (<see cref="FunctionBuiltinPrefix"/>).
    /// </summary>
    /// <param name="builtin">The built-in.</param>
    /// <param name="flag">Its <c>async?</c> or <c>cancellable?</c> immediate.</param>
    /// <param name="slot">The slot of <c>context.get</c>/<c>context.set</c>.</param>
    /// <param name="encoding">The string encoding of <c>error-context.new</c>/<c>debug-message</c>.</param>
    public static string? RootBuiltin(CanonicalBuiltin builtin, bool flag, uint slot, CanonicalStringEncoding encoding)
    {
        string cancellable = flag ? CancellablePrefix : "";
        string encodingName = encoding switch
        {
            CanonicalStringEncoding.Utf16 => "utf16",
            CanonicalStringEncoding.Latin1Utf16 => "latin1+utf16",
            _ => "utf8",
        };
        return builtin switch
        {
            CanonicalBuiltin.SubtaskCancel => (flag ? AsyncLowerPrefix : "") + "[subtask-cancel]",
            CanonicalBuiltin.SubtaskDrop => "[subtask-drop]",
            CanonicalBuiltin.BackpressureSet => "[backpressure-set]",
            CanonicalBuiltin.BackpressureInc => "[backpressure-inc]",
            CanonicalBuiltin.BackpressureDec => "[backpressure-dec]",
            CanonicalBuiltin.ContextGet => $"[context-get-{slot}]",
            CanonicalBuiltin.ContextSet => $"[context-set-{slot}]",
            CanonicalBuiltin.ThreadYield => cancellable + "[thread-yield]",
            CanonicalBuiltin.ErrorContextNew => $"[error-context-new-{encodingName}]",
            CanonicalBuiltin.ErrorContextDebugMessage => $"[error-context-debug-message-{encodingName}]",
            CanonicalBuiltin.ErrorContextDrop => "[error-context-drop]",
            CanonicalBuiltin.WaitableSetNew => "[waitable-set-new]",
            CanonicalBuiltin.WaitableSetWait => cancellable + "[waitable-set-wait]",
            CanonicalBuiltin.WaitableSetPoll => cancellable + "[waitable-set-poll]",
            CanonicalBuiltin.WaitableSetDrop => "[waitable-set-drop]",
            CanonicalBuiltin.WaitableJoin => "[waitable-join]",
            CanonicalBuiltin.ThreadIndex => "[thread-index]",
            CanonicalBuiltin.ThreadNewIndirect => "[thread-new-indirect-v0]",
            CanonicalBuiltin.ThreadResumeLater => "[thread-resume-later]",
            CanonicalBuiltin.ThreadSuspend => cancellable + "[thread-suspend]",
            CanonicalBuiltin.ThreadSuspendThenResume => cancellable + "[thread-suspend-then-resume]",
            CanonicalBuiltin.ThreadYieldThenResume => cancellable + "[thread-yield-then-resume]",
            CanonicalBuiltin.ThreadSuspendThenPromote => cancellable + "[thread-suspend-then-promote]",
            CanonicalBuiltin.ThreadYieldThenPromote => cancellable + "[thread-yield-then-promote]",
            _ => null,
        };
    }

    /// <summary>
    /// How the core name of a built-in that serves one function begins; the rest names the
    /// function (and, for streams and futures, which of its streams or futures):
    /// <c>[task-return]f</c> and <c>[task-cancel]</c> in module <c>[export]I</c>,
    /// <c>[stream-read-0]f</c>, <c>[async-lower][future-write-1]f</c>. Null for the others.
    /// </summary>
    /// <param name="builtin">The built-in.</param>
    /// <param name="isAsync">Its <c>async</c> option or immediate (copies and their cancels).</param>
    public static string? FunctionBuiltinPrefix(CanonicalBuiltin builtin, bool isAsync)
    {
        string lowered = isAsync ? AsyncLowerPrefix : "";
        return builtin switch
        {
            CanonicalBuiltin.TaskReturn => TaskReturnPrefix,
            CanonicalBuiltin.TaskCancel => TaskCancelName,
            CanonicalBuiltin.StreamNew => "[stream-new-",
            CanonicalBuiltin.StreamRead => lowered + "[stream-read-",
            CanonicalBuiltin.StreamWrite => lowered + "[stream-write-",
            CanonicalBuiltin.StreamCancelRead => lowered + "[stream-cancel-read-",
            CanonicalBuiltin.StreamCancelWrite => lowered + "[stream-cancel-write-",
            CanonicalBuiltin.StreamDropReadable => "[stream-drop-readable-",
            CanonicalBuiltin.StreamDropWritable => "[stream-drop-writable-",
            CanonicalBuiltin.FutureNew => "[future-new-",
            CanonicalBuiltin.FutureRead => lowered + "[future-read-",
            CanonicalBuiltin.FutureWrite => lowered + "[future-write-",
            CanonicalBuiltin.FutureCancelRead => lowered + "[future-cancel-read-",
            CanonicalBuiltin.FutureCancelWrite => lowered + "[future-cancel-write-",
            CanonicalBuiltin.FutureDropReadable => "[future-drop-readable-",
            CanonicalBuiltin.FutureDropWritable => "[future-drop-writable-",
            _ => null,
        };
    }

    /// <summary>
    /// What stands for N in the stream and future built-ins of module <see cref="RootModule"/> that
    /// serve streams and futures without elements (<c>[stream-new-unit]</c>,
    /// <c>[async-lower][stream-read-unit]</c>…), which name no function: wit-bindgen's Rust runtime
    /// wakes one task from another through such a stream, and wit-component accepts the names.
    /// </summary>
    public const string UnitChannel = "unit";

    /// <summary>The post-return function a guest may export for export <paramref name="exportName"/>.</summary>
    public static string PostReturn(string exportName) => PostReturnPrefix + exportName;

    /// <summary>The import that drops a handle to imported resource <paramref name="resource"/>.</summary>
    public static CoreImportName ImportedResourceDrop(string? interfaceItemName, WitResourceType resource)
        => new(interfaceItemName ?? RootModule, "[resource-drop]" + resource.Name);

    /// <summary>How the module of an exported interface's intrinsics (<c>[export]I</c>) begins.</summary>
    public const string ExportModulePrefix = "[export]";

    /// <summary>The module of the intrinsics for resources that world item <paramref name="interfaceItemName"/> exports.</summary>
    public static string ExportedResourceModule(string? interfaceItemName)
        => ExportModulePrefix + (interfaceItemName ?? RootModule);

    /// <summary>The import that makes a new handle for a guest-exported resource's representation.</summary>
    public static CoreImportName ExportedResourceNew(string? interfaceItemName, WitResourceType resource)
        => new(ExportedResourceModule(interfaceItemName), "[resource-new]" + resource.Name);

    /// <summary>The import that reads a guest-exported resource handle's representation.</summary>
    public static CoreImportName ExportedResourceRep(string? interfaceItemName, WitResourceType resource)
        => new(ExportedResourceModule(interfaceItemName), "[resource-rep]" + resource.Name);

    /// <summary>The import that drops a handle of a guest-exported resource.</summary>
    public static CoreImportName ExportedResourceDrop(string? interfaceItemName, WitResourceType resource)
        => new(ExportedResourceModule(interfaceItemName), "[resource-drop]" + resource.Name);

    /// <summary>The destructor a guest exports for its resource.</summary>
    public static string ExportedResourceDestructor(string? interfaceItemName, WitResourceType resource)
        => interfaceItemName is null ? "[dtor]" + resource.Name : interfaceItemName + "#[dtor]" + resource.Name;
}
