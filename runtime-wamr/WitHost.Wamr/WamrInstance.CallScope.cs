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

        internal CallScope(WamrInstance instance) => _instance = instance;

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
