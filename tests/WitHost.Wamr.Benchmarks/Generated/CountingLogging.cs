using Example.Sample;

namespace WitHost.Wamr.Benchmarks.Generated;

/// <summary>The host side of the sample world's imports: counts the guest's log calls and answers host-name.</summary>
internal sealed class CountingLogging : ILogging, ISampleImports
{
    public int Calls { get; private set; }

    public void LogU32(uint a, string s) => Calls++;

    public void LogStr(string s) => Calls++;

    public string HostName() => "WitHost";
}
