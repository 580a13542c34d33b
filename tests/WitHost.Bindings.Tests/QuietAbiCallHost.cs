using Test.AbiCall;

namespace WitHost.Bindings.Tests;

/// <summary>The abi-call guest's imports for tests that do not look at them: logs go nowhere.</summary>
internal sealed class QuietAbiCallHost : IAbiCallImports
{
    public void Log(string msg)
    {
    }

    public string HostName() => "host";
}
