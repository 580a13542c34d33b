using System.Runtime.CompilerServices;
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

    // The lowest frame address from which PrepareCoreCall found the stack sufficient on this
    // thread (0: none yet).
    [ThreadStatic]
    private static nuint t_sufficientStackFrom;

    // A number for the calling thread, given at its first core call, which no other thread of the
    // process ever gets (0: none yet), and the last number given.
    [ThreadStatic]
    private static long t_threadNumber;

    private static long s_lastThreadNumber;

    // The calling thread's managed id, read from the runtime once (0: not yet).
    [ThreadStatic]
    private static int t_managedThreadId;

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
    /// <see cref="Environment.CurrentManagedThreadId"/>, kept in this class's thread-static block:
    /// the instance's gate asks for it on every call, and the runtime's answer is a call into the
    /// runtime with a thread-local lookup of its own, where the core call that follows reads this
    /// block anyway.
    /// </summary>
    public static int CurrentThreadId
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_managedThreadId is var id and not 0 ? id : ReadCurrentThreadId();
    }

    // Managed thread ids start at 1: 0 is never a thread's.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ReadCurrentThreadId() => t_managedThreadId = Environment.CurrentManagedThreadId;

    /// <summary>
    /// Gives the calling thread WAMR's per-thread environment before it runs guest code.
    /// WAMR needs it on every thread but the one that initialised the runtime; the builds with
    /// hardware bound checks set up signal handling there.
    /// </summary>
    /// <remarks>Every core call makes this check: the set-up, with its P/Invokes, is a method of its
    /// own, so that the check inlines without the P/Invoke frame those would make every caller
    /// set up on each call.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnsureThreadEnvironment()
    {
        if (t_threadEnvGeneration != s_generation)
        {
            InitThreadEnvironment();
        }
    }

    /// <summary>
    /// Readies the calling thread for a core call into a guest (<see cref="EnsureThreadEnvironment"/>)
    /// and tells whether its native stack has room for it: whether .NET could still run and unwind
    /// a typical call chain from here (<see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/>,
    /// 128 KiB on 64-bit). WAMR stops a call only 1 KiB above the guard page, too little for the
    /// .NET frames that then report its trap, so a core call is refused (a trap) without it.
    /// </summary>
    /// <param name="frame">An address in the caller's own frame. The core call is the only
    /// caller, so every check is made from the same frame layout.</param>
    /// <param name="thread">A number for the calling thread that no other thread of the process
    /// ever has (unlike its managed id or its pthread_t, which a new thread may get from a dead
    /// one); 0 when the stack has no room.</param>
    /// <remarks>
    /// The runtime compares the stack pointer with a limit it fixes once per thread: an answer
    /// that was yes from one depth is yes from every shallower one. So the runtime is asked (about
    /// 30 instructions, with a thread-local lookup of its own) only from deeper in the stack than
    /// any check that passed on this thread; the others compare <paramref name="frame"/> with the
    /// lowest such frame, in the same thread-local block as the environment's generation. The
    /// runtime is asked one frame further down (<see cref="StackSufficientFrom"/>) than the frame
    /// remembered, so a check that passes here would have passed in the runtime too. A new thread
    /// starts with nothing remembered.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool PrepareCoreCall(nuint frame, out long thread)
    {
        EnsureThreadEnvironment();
        return HasStackForCoreCall(frame, out thread);
    }

    /// <summary>
    /// <see cref="PrepareCoreCall"/> for a thread whose environment is ready
    /// (<see cref="EnsureThreadEnvironment"/>): only the stack's check and the thread's number.
    /// Never throws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasStackForCoreCall(nuint frame, out long thread)
    {
        nuint sufficientFrom = t_sufficientStackFrom;
        if ((sufficientFrom == 0 || frame < sufficientFrom) && !StackSufficientFrom(frame))
        {
            thread = 0;
            return false;
        }
        // Not 0: the check that passed on this thread first numbered it.
        thread = t_threadNumber;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool StackSufficientFrom(nuint frame)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return false;
        }
        if (t_threadNumber == 0)
        {
            t_threadNumber = Interlocked.Increment(ref s_lastThreadNumber);
        }
        t_sufficientStackFrom = frame;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InitThreadEnvironment()
    {
        if (!WamrNative.ThreadEnvInited() && !WamrNative.InitThreadEnv())
        {
            throw new WamrException("wasm_runtime_init_thread_env failed on this thread.");
        }
        t_threadEnvGeneration = s_generation;
    }
}
