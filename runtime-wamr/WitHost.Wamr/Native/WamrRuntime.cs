using WitHost.Wamr.Hosting;

namespace WitHost.Wamr.Native;

/// <summary>
/// The process-wide WAMR runtime. WAMR keeps its state in globals, so it is initialised once
/// for the first engine, module or instance that needs it and destroyed when the last of them
/// is disposed; a later engine initialises it again.
/// </summary>
internal static unsafe class WamrRuntime
{
    /// <summary>
    /// Serialises every WAMR call that touches global state: initialisation, native registration
    /// (an unlocked linked list in WAMR), loading (which reads that list) and instantiation (which
    /// reads per-module WASI arguments set just before it).
    /// </summary>
    public static readonly Lock Gate = new();

    private static int s_references;

    [ThreadStatic]
    private static int t_threadEnvGeneration;

    private static int s_generation;

    /// <summary>The engines and modules holding the runtime up, in the whole process (for leak tests).</summary>
    internal static int ReferenceCount
    {
        get
        {
            lock (Gate)
            {
                return s_references;
            }
        }
    }

    public static void AddReference()
    {
        lock (Gate)
        {
            if (s_references == 0)
            {
                LibIwasmResolver.EnsureInstalled();
                RuntimeInitArgs args = default;
                args.MemAllocType = RuntimeInitArgs.AllocWithSystemAllocator;
                // WitHost runs no wasm threads. WAMR's thread manager (on so guests can be stopped)
                // still cuts an instance's shadow stack into max_thread_num + 1 shares and refuses
                // a module whose share would be under 256 bytes; one thread keeps that to 512-byte
                // stacks. The instance then gets its whole shadow stack back
                // (WamrInterrupt.UseWholeAuxStack).
                args.MaxThreadNum = 1;
                if (!WamrNative.FullInit(&args))
                {
                    throw new WamrException("wasm_runtime_full_init failed: WAMR could not initialise its runtime.");
                }
                s_generation++;
                t_threadEnvGeneration = s_generation;
            }
            s_references++;
        }
    }

    public static void Release()
    {
        lock (Gate)
        {
            if (--s_references == 0)
            {
                WamrNative.Destroy();
                // WAMR's destroy forgot every registered native; the registry starts over.
                HostImportRegistry.Reset();
            }
        }
    }

    /// <summary>
    /// Gives the calling thread WAMR's per-thread environment before it runs guest code.
    /// WAMR needs it on every thread but the one that initialised the runtime; the builds with
    /// hardware bound checks set up signal handling there.
    /// </summary>
    public static void EnsureThreadEnvironment()
    {
        if (t_threadEnvGeneration == s_generation)
        {
            return;
        }
        if (!WamrNative.ThreadEnvInited() && !WamrNative.InitThreadEnv())
        {
            throw new WamrException("wasm_runtime_init_thread_env failed on this thread.");
        }
        t_threadEnvGeneration = s_generation;
    }
}
