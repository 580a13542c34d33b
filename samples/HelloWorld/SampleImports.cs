using Example.Sample;

namespace WitHost.Samples.HelloWorld;

/// <summary>
/// The host's side of the sample world: the <c>logging</c> interface and the world-level
/// <c>host-name</c> function, which the guest calls while it runs an export. What the guest asks
/// for is kept as notes, so the tour prints them under the call that caused them.
/// </summary>
public sealed class SampleImports(string hostName) : ILogging, ISampleImports
{
    private readonly List<string> _notes = [];

    public void LogU32(uint a, string s) => _notes.Add($"guest log: {s}{a}");

    public void LogStr(string s) => _notes.Add($"guest log: {s}");

    public string HostName()
    {
        _notes.Add($"guest asked host-name() = {WitText.Of(hostName)}");
        return hostName;
    }

    /// <summary>The notes since the last call, oldest first; the list is emptied.</summary>
    public IReadOnlyList<string> TakeNotes()
    {
        string[] notes = [.. _notes];
        _notes.Clear();
        return notes;
    }
}
