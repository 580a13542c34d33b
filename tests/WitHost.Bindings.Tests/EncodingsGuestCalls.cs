using System.Buffers;
using Example.Encodings;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The exports of wit/encodings.wit as delegates, so one set of tests runs against both generated
/// hosts (<see cref="Utf16EncodingsHost"/> and <see cref="Latin1EncodingsHost"/>), whose guest
/// classes differ only in the string encoding their calls use. The <c>Utf8</c> delegates are the
/// UTF-8 overloads of the same exports.
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
    Func<ReadOnlySpan<byte>, IBufferWriter<byte>, int> ReverseUtf8,
    Func<uint, IBufferWriter<byte>, int> BadStringUtf8,
    WamrInstance Instance) : IDisposable
{
    /// <summary>An instance of tests/guests/encodings-utf16.wasm through <see cref="Utf16EncodingsHost"/>.</summary>
    public static EncodingsGuestCalls Utf16(WamrModule module, IEncodingsImports host)
    {
        var g = Utf16EncodingsHost.Instantiate(module, new Utf16EncodingsHost.Imports { Encodings = host });
        return new(g.Reverse, g.Length, g.EchoList, g.Greet, g.Form, g.Widen, g.CallHost, g.BadString, g.CallHostBadly, g.Reverse, g.BadString, g.Instance);
    }

    /// <summary>An instance of tests/guests/encodings-latin1.wasm through <see cref="Latin1EncodingsHost"/>.</summary>
    public static EncodingsGuestCalls Latin1(WamrModule module, IEncodingsImports host)
    {
        var g = Latin1EncodingsHost.Instantiate(module, new Latin1EncodingsHost.Imports { Encodings = host });
        return new(g.Reverse, g.Length, g.EchoList, g.Greet, g.Form, g.Widen, g.CallHost, g.BadString, g.CallHostBadly, g.Reverse, g.BadString, g.Instance);
    }

    public void Dispose() => Instance.Dispose();
}
