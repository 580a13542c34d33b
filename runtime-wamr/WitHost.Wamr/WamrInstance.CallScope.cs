namespace WitHost.Wamr;

public sealed partial class WamrInstance
{
    /// <summary>
    /// Ownership of an instance for one whole call, from <see cref="EnterCall"/> to
    /// <see cref="Dispose"/>. A struct, so owning the instance allocates nothing.
    /// </summary>
    /// <remarks>
    /// Use it with <c>using</c> on the thread that entered it: the underlying lock belongs to that
    /// thread. Disposing it a second time does nothing.
    /// </remarks>
    public ref struct CallScope
    {
        private WamrInstance? _instance;
        // The WIT export the call is of (EnterExportCall), or null for a call of core calls (EnterCall).
        private readonly string? _exportName;

        internal CallScope(WamrInstance instance, string? exportName = null)
        {
            _instance = instance;
            _exportName = exportName;
        }

        /// <summary>
        /// Calls <paramref name="function"/>, an export of the owned instance, as
        /// <see cref="WamrFunction.InvokeCells"/> does, inside the call this scope owns: the
        /// instance is not locked a second time, which keeps a generated call at the cost of one
        /// lock. In the call of a WIT export (<see cref="EnterExportCall"/>), a guest that exits in
        /// <paramref name="function"/> throws <see cref="WasmExitException"/>: the export has no
        /// results to lift and no post-return to run.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The scope was disposed.</exception>
        /// <exception cref="ArgumentException"><paramref name="function"/> is another instance's, or <paramref name="cells"/> is too short.</exception>
        /// <exception cref="WasmExitException">The guest exited in the export this scope calls.</exception>
        // Inlined at each call site, the export's and the post-return's: a method that makes
        // P/Invokes sets up one frame for them in its prolog, so a generated call whose two core
        // calls are both in it pays for one frame instead of two (about 70 instructions of a
        // 16-byte string call; docs/benchmarks.md, "The string call's host share").
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public readonly void InvokeCells(WamrFunction function, Span<uint> cells)
        {
            ArgumentNullException.ThrowIfNull(function);
            WamrInstance instance = _instance ?? throw new ObjectDisposedException(nameof(CallScope), "The call this scope owned has ended.");
            if (!ReferenceEquals(function.Instance, instance))
            {
                throw new ArgumentException($"'{function.Name}' is an export of another instance than the one this call owns.", nameof(function));
            }
            function.CheckCells(cells);
            instance.CallOwned(function, cells);
            // cabi_realloc and the post-return are part of the export's call, not the export.
            if (_exportName is not null && !function.IsAbiHelper)
            {
                instance.ThrowIfExited(_exportName);
            }
        }

        /// <summary>
        /// A Canonical ABI context for the call this scope owns, as
        /// <see cref="Bindings.BindingSupport.Context"/> gives it: the instance's own context,
        /// lent to the call until it ends, unless another part of the call has it. The scope
        /// shows that this thread owns the instance, which <see cref="Bindings.BindingSupport.Context"/>
        /// has to ask (a thread-local look-up), so generated export calls take it from here.
        /// </summary>
        /// <exception cref="ObjectDisposedException">The scope was disposed.</exception>
        public readonly CanonicalAbi.CanonicalAbiContext Context(CanonicalAbi.StringEncoding encoding, string functionName)
        {
            ArgumentNullException.ThrowIfNull(functionName);
            WamrInstance instance = _instance ?? throw new ObjectDisposedException(nameof(CallScope), "The call this scope owned has ended.");
            return instance.OwnerContext(encoding, functionName);
        }

        /// <summary>Ends the call's ownership; a thread waiting for the instance may go on.</summary>
        public void Dispose()
        {
            if (_instance is { } instance)
            {
                _instance = null;
                instance.ExitCall();
            }
        }
    }
}
