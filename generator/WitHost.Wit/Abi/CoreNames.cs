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

    /// <summary>The prefix of the callback of an export lifted asynchronously.</summary>
    public const string CallbackPrefix = "[callback]" + AsyncLiftPrefix;

    /// <summary>
    /// The core export that starts async export <paramref name="exportName"/> (its name as
    /// <see cref="Export"/> gives it), lifted with a callback.
    /// </summary>
    public static string AsyncLift(string exportName) => AsyncLiftPrefix + exportName;

    /// <summary>The callback the guest exports for async export <paramref name="exportName"/>.</summary>
    public static string Callback(string exportName) => CallbackPrefix + exportName;

    /// <summary>The <c>task.return</c> import through which async export <paramref name="function"/> of <paramref name="interfaceItemName"/> returns its result.</summary>
    public static CoreImportName TaskReturn(string? interfaceItemName, WitFunction function)
        => new(ExportedResourceModule(interfaceItemName), "[task-return]" + function.ExternalName);

    /// <summary>The <c>task.cancel</c> import of the async exports of <paramref name="interfaceItemName"/>.</summary>
    public static CoreImportName TaskCancel(string? interfaceItemName)
        => new(ExportedResourceModule(interfaceItemName), "[task-cancel]");

    /// <summary>The post-return function a guest may export for export <paramref name="exportName"/>.</summary>
    public static string PostReturn(string exportName) => PostReturnPrefix + exportName;

    /// <summary>The import that drops a handle to imported resource <paramref name="resource"/>.</summary>
    public static CoreImportName ImportedResourceDrop(string? interfaceItemName, WitResourceType resource)
        => new(interfaceItemName ?? RootModule, "[resource-drop]" + resource.Name);

    /// <summary>The module of the intrinsics for resources that world item <paramref name="interfaceItemName"/> exports.</summary>
    public static string ExportedResourceModule(string? interfaceItemName)
        => "[export]" + (interfaceItemName ?? RootModule);

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
