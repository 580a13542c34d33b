using System.Runtime.InteropServices;

namespace WitHost.Wamr.Native;

/// <summary>
/// One reference to the process-wide WAMR runtime (<see cref="WamrRuntime"/>): taken when made,
/// given back once when disposed or finalized. An engine nobody disposed, or a module handle that
/// holds one, therefore never keeps WAMR up after it is gone.
/// </summary>
internal sealed class WamrRuntimeShare : SafeHandle
{
    public WamrRuntimeShare()
        : base(0, ownsHandle: true)
    {
        WamrRuntime.AddReference();
        // The handle's value means only "holds a reference".
        SetHandle(1);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        WamrRuntime.Release();
        return true;
    }
}
