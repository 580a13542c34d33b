using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using WitHost.Wamr.Binary;
using WitHost.Wamr.Native;

namespace WitHost.Wamr.Hosting;

/// <summary>
/// The process-wide table of imports registered with WAMR. Each (module, name) pair is
/// registered once, with <c>wasm_runtime_register_natives_raw</c>, pointing at one
/// <see cref="UnmanagedCallersOnlyAttribute"/> entry point and carrying its slot number as the
/// attachment; the entry point finds the calling instance through WAMR's instance custom data
/// and runs the host function that instance bound to the slot.
/// </summary>
/// <remarks>
/// Symbols are registered without a signature string: the same name may be imported with
/// different core types by different modules, and each instance knows its own types. Imports
/// from <c>wasi_snapshot_preview1</c> are left to WAMR's built-in WASI, but for
/// <see cref="WasiProcExit"/>: WAMR resolves a name by the table registered last, so this one
/// wins over its own.
/// All members run under <see cref="WamrRuntime.Gate"/>.
/// </remarks>
internal static unsafe class HostImportRegistry
{
    private static readonly Dictionary<(string Module, string Name), int> s_slots = [];
    // The symbol tables WAMR was given; it keeps them for as long as the runtime lives.
    private static readonly List<NativeBlock> s_symbolTables = [];
    // The slots of preview1's proc_exit (under either module name WAMR serves preview1 by).
    private static readonly HashSet<int> s_procExitSlots = [];

    /// <summary>The module names WAMR serves WASI preview1 by.</summary>
    public static bool IsWasiPreview1(string module) => module is "wasi_snapshot_preview1" or "wasi_unstable";

    /// <summary>Whether WAMR provides the function itself.</summary>
    private static bool IsProvidedByWamr(string module, string name) => IsWasiPreview1(module) && !WasiProcExit.Is(module, name);

    /// <summary>Registers the imports WAMR has not seen yet; returns each import's slot (-1 for WAMR's own).</summary>
    public static int[] EnsureRegistered(IReadOnlyList<ModuleImport> imports)
    {
        var slots = new int[imports.Count];
        var fresh = new List<(string Module, string Name, int Slot)>();
        for (int i = 0; i < imports.Count; i++)
        {
            ModuleImport import = imports[i];
            if (IsProvidedByWamr(import.Module, import.Name))
            {
                slots[i] = -1;
                continue;
            }
            if (!s_slots.TryGetValue((import.Module, import.Name), out int slot))
            {
                slot = s_slots.Count;
                s_slots.Add((import.Module, import.Name), slot);
                fresh.Add((import.Module, import.Name, slot));
                if (WasiProcExit.Is(import.Module, import.Name))
                {
                    s_procExitSlots.Add(slot);
                }
            }
            slots[i] = slot;
        }

        foreach (var group in fresh.GroupBy(f => f.Module))
        {
            Register(group.Key, group.ToList());
        }
        return slots;
    }

    public static int SlotCount => s_slots.Count;

    /// <summary>Forgets every registration; called after WAMR itself was destroyed.</summary>
    public static void Reset()
    {
        s_slots.Clear();
        s_procExitSlots.Clear();
        foreach (NativeBlock table in s_symbolTables)
        {
            table.Dispose();
        }
        s_symbolTables.Clear();
    }

    private static void Register(string module, List<(string Module, string Name, int Slot)> functions)
    {
        // WAMR keeps (and sorts in place) the symbol array and the strings for as long as the
        // runtime lives, so they live in one native block until Reset: the symbols, then the
        // module's name and each function's name.
        int symbolsLength = sizeof(NativeSymbol) * functions.Count;
        int length = symbolsLength + NulTerminatedUtf8.ByteCount(module);
        foreach (var function in functions)
        {
            length += NulTerminatedUtf8.ByteCount(function.Name);
        }
        NativeBlock table = NativeBlock.Allocate((nuint)length);
        var symbols = (NativeSymbol*)table.Pointer;
        byte* moduleName = table.Pointer + symbolsLength;
        int offset = symbolsLength + NulTerminatedUtf8.Write(module, new Span<byte>(moduleName, length - symbolsLength));
        for (int i = 0; i < functions.Count; i++)
        {
            symbols[i].Symbol = table.Pointer + offset;
            offset += NulTerminatedUtf8.Write(functions[i].Name, new Span<byte>(table.Pointer + offset, length - offset));
            symbols[i].FunctionPointer = (delegate* unmanaged[Cdecl]<nint, ulong*, void>)&Dispatch;
            symbols[i].Signature = null;
            symbols[i].Attachment = (void*)(nint)functions[i].Slot;
        }
        if (!WamrNative.RegisterNativesRaw(moduleName, symbols, (uint)functions.Count))
        {
            table.Dispose();
            throw new WamrException($"wasm_runtime_register_natives_raw failed for module '{module}'.");
        }
        s_symbolTables.Add(table);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Dispatch(nint execEnv, ulong* args)
    {
        nint moduleInstance = WamrNative.GetModuleInstance(execEnv);
        try
        {
            int slot = (int)WamrNative.GetFunctionAttachment(execEnv);
            nint customData = WamrNative.GetCustomData(moduleInstance);
            if (customData == 0 || GCHandle.FromIntPtr(customData).Target is not WamrInstance instance)
            {
                // The module's start function runs inside wasm_runtime_instantiate (under
                // WamrRuntime.Gate, as the slots are read), before the instance exists: an exit
                // there ends the start function as a trap would, and the instantiation reports it
                // as the exit it is. Its status is the argument's 32 bits, as RequestExit's.
                if (s_procExitSlots.Contains(slot))
                {
                    WasiProcExit.ExitBeforeInstance(*(int*)args);
                    SetTrap(moduleInstance, "the guest exited in its start function");
                    return;
                }

                SetTrap(moduleInstance, "a host function was called before its instance was ready");
                return;
            }
            string? trap = instance.DispatchHostCall(slot, args);
            if (trap is not null)
            {
                SetTrap(moduleInstance, trap);
            }
        }
        catch (Exception e)
        {
            // Nothing may unwind into WAMR's C frames.
            SetTrap(moduleInstance, "host dispatch failed: " + e.Message);
        }
    }

    /// <summary>
    /// The most UTF-8 bytes of a trap message given to WAMR: its exception buffer holds 128 bytes,
    /// "Exception: " and the terminating NUL included. The full text stays with the instance
    /// (<see cref="WamrInstance.DispatchHostCall"/>); WAMR's copy only has to say that it trapped.
    /// </summary>
    internal const int MaxNativeTrapMessageBytes = 128 - 11 - 1;

    private static ReadOnlySpan<byte> TruncationMarker => "..."u8;

    /// <summary>
    /// Makes the guest trap with (the start of) <paramref name="message"/>. The message can be
    /// anything a host exception says, which often quotes guest input, so it is cut to what WAMR
    /// keeps, on a character boundary, in a buffer of fixed size.
    /// </summary>
    internal static void SetTrap(nint moduleInstance, string message)
    {
        byte* buffer = stackalloc byte[MaxNativeTrapMessageBytes + 1];
        var text = new Span<byte>(buffer, MaxNativeTrapMessageBytes);
        int length = NativeTrapMessage(message, text);
        buffer[length] = 0;
        // WAMR copies the message into the instance.
        WamrNative.SetException(moduleInstance, buffer);
    }

    /// <summary>
    /// Writes <paramref name="message"/> as UTF-8 into <paramref name="destination"/>, or as much
    /// of it as fits (whole characters) followed by "..."; returns the bytes written.
    /// </summary>
    internal static int NativeTrapMessage(string message, Span<byte> destination)
    {
        var status = System.Text.Unicode.Utf8.FromUtf16(message, destination, out _, out int written);
        if (status == System.Buffers.OperationStatus.Done)
        {
            return written;
        }
        System.Text.Unicode.Utf8.FromUtf16(message, destination[..^TruncationMarker.Length], out _, out written);
        TruncationMarker.CopyTo(destination[written..]);
        return written + TruncationMarker.Length;
    }
}
