using System.Text;
using Example.Sample;

namespace WitHost.Bindings.Tests;

/// <summary>The host side of the sample world: records every call the guest makes to it.</summary>
internal sealed class RecordingHost : ILogging, ISampleImports
{
    public List<string> Calls { get; } = [];

    public string Name { get; set; } = "WitHost";

    public void LogU32(uint a, string s) => Calls.Add($"log-u32({a}, {s})");

    public void LogStr(string s) => Calls.Add($"log-str({s})");

    public string HostName()
    {
        Calls.Add("host-name()");
        return Name;
    }

    public SampleHost.Imports Imports => new() { Logging = this, Sample = this };
}
