using Example.Encodings;

namespace WitHost.Bindings.Tests;

/// <summary>The host's side of wit/encodings.wit's import host-echo: answers <see cref="Answer"/> of what it got, and keeps what it got.</summary>
public sealed class EncodingsEcho : IEncodingsImports
{
    public List<string> Received { get; } = [];

    /// <summary>The answer for an argument; <c>&lt;s&gt;</c> unless a test says otherwise.</summary>
    public Func<string, string> Answer { get; set; } = s => $"<{s}>";

    public string HostEcho(string s)
    {
        Received.Add(s);
        return Answer(s);
    }
}
