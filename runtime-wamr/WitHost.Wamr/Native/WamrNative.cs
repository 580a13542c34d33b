using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// The thin P/Invoke layer over libiwasm (WAMR 1.1.2, <c>core/iwasm/include/wasm_export.h</c>).
/// Names and shapes follow the C API one to one; everything above this class speaks .NET.
/// </summary>
/// <remarks>
/// Source-generated <see cref="LibraryImportAttribute"/> stubs keep the layer trimming- and
/// NativeAOT-safe. Calls that only read instance fields and never call back into managed code
/// are marked <see cref="SuppressGCTransitionAttribute"/>: they sit on the hot path of every
/// memory access by generated code.
/// </remarks>
internal static unsafe partial class WamrNative
{
    public const string Library = "iwasm";

    [LibraryImport(Library, EntryPoint = "wasm_runtime_full_init")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool FullInit(RuntimeInitArgs* args);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_destroy")]
    public static partial void Destroy();

    [LibraryImport(Library, EntryPoint = "wasm_runtime_init_thread_env")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool InitThreadEnv();

    [LibraryImport(Library, EntryPoint = "wasm_runtime_thread_env_inited")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool ThreadEnvInited();

    [LibraryImport(Library, EntryPoint = "wasm_runtime_load")]
    public static partial nint Load(byte* buffer, uint size, byte* errorBuffer, uint errorBufferSize);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_unload")]
    public static partial void Unload(nint module);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_set_wasi_args_ex")]
    public static partial void SetWasiArgsEx(
        nint module,
        byte** dirList, uint dirCount,
        byte** mapDirList, uint mapDirCount,
        byte** env, uint envCount,
        byte** argv, int argc,
        int stdinFd, int stdoutFd, int stderrFd);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_instantiate")]
    public static partial nint Instantiate(nint module, uint stackSize, uint heapSize, byte* errorBuffer, uint errorBufferSize);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_deinstantiate")]
    public static partial void Deinstantiate(nint moduleInstance);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_lookup_function")]
    public static partial nint LookupFunction(nint moduleInstance, byte* name, byte* signature);

    [LibraryImport(Library, EntryPoint = "wasm_func_get_param_count")]
    public static partial uint FuncGetParamCount(nint function, nint moduleInstance);

    [LibraryImport(Library, EntryPoint = "wasm_func_get_result_count")]
    public static partial uint FuncGetResultCount(nint function, nint moduleInstance);

    [LibraryImport(Library, EntryPoint = "wasm_func_get_param_types")]
    public static partial void FuncGetParamTypes(nint function, nint moduleInstance, byte* types);

    [LibraryImport(Library, EntryPoint = "wasm_func_get_result_types")]
    public static partial void FuncGetResultTypes(nint function, nint moduleInstance, byte* types);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_get_exec_env_singleton")]
    public static partial nint GetExecEnvSingleton(nint moduleInstance);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_get_module_inst")]
    [SuppressGCTransition]
    public static partial nint GetModuleInstance(nint execEnv);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_get_exception")]
    public static partial byte* GetException(nint moduleInstance);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_set_exception")]
    public static partial void SetException(nint moduleInstance, byte* message);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_clear_exception")]
    public static partial void ClearException(nint moduleInstance);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_set_custom_data")]
    public static partial void SetCustomData(nint moduleInstance, nint customData);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_get_custom_data")]
    [SuppressGCTransition]
    public static partial nint GetCustomData(nint moduleInstance);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_get_function_attachment")]
    [SuppressGCTransition]
    public static partial nint GetFunctionAttachment(nint execEnv);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_addr_app_to_native")]
    [SuppressGCTransition]
    public static partial byte* AddrAppToNative(nint moduleInstance, uint appOffset);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_get_app_addr_range")]
    [SuppressGCTransition]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool GetAppAddrRange(nint moduleInstance, uint appOffset, uint* appStartOffset, uint* appEndOffset);

    [LibraryImport(Library, EntryPoint = "wasm_runtime_register_natives_raw")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool RegisterNativesRaw(byte* moduleName, NativeSymbol* symbols, uint count);
}
