using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The exports of wit/encodings.wit as delegates, so one set of tests runs against both generated
/// hosts (<see cref="Utf16EncodingsHost"/> and <see cref="Latin1EncodingsHost"/>), whose guest
/// classes differ only in the string encoding their calls use.
/// </summary>
public sealed record EncodingsGuestCalls(
    Func<string, string> Reverse,
    Func<string, uint> Length,
    Func<string[], string[]> EchoList,
    Func<string, Result<string, string>> Greet,
    Func<string, string> Form,
    Func<string, string> Widen,
    Func<string, (string Answer, string Form)> CallHost,
    Func<uint, string> BadString,
    Action CallHostBadly,
    WamrInstance Instance) : IDisposable
{
    public void Dispose() => Instance.Dispose();
}
