namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The oracle cases of the string-encoding world (wit/encodings.wit): what its guests must answer
/// whatever their encoding. EncodingsCrossCheckTests runs them through jco (the utf16 guest);
/// tests/WitHost.Bindings.Tests links this file and runs them through both generated hosts
/// (Encoding = Utf16 and Latin1Utf16). Every answer is the same in both encodings, so the cases
/// that report a form use strings that a latin1+utf16 host must send as UTF-16 too.
/// </summary>
internal static class EncodingsOracleCases
{
    internal const string HostEcho = "host-echo";

    /// <summary>The host answers <paramref name="answer"/> whatever it got; the guest returns the answer and the form it came in.</summary>
    private static OracleCase CallHost(string name, string arg, string answer) =>
        new(name, "call-host", $"[{arg}]", $"[{answer}, \"utf16\"]", Imports: $"[[\"{HostEcho}\", {arg}]]",
            Behaviours: $$$"""{"{{{HostEcho}}}": {"returns": {{{answer}}}}}""");

    /// <summary>The oracle cases, in call order: what any host of this world must answer.</summary>
    internal static readonly IReadOnlyList<OracleCase> All =
    [
        new("reverse ascii", "reverse", """["Hello"]""", "\"olleH\""),
        new("reverse latin-1", "reverse", """["é ÿ!"]""", "\"!ÿ é\""),
        new("reverse bmp", "reverse", """["世界"]""", "\"界世\""),
        new("reverse astral keeps surrogate pairs", "reverse", """["a🌍b"]""", "\"b🌍a\""),
        new("reverse empty", "reverse", """[""]""", "\"\""),
        new("length counts scalars", "length", """["a🌍世é"]""", "4"),
        new("length latin-1", "length", """["éÿ"]""", "2"),
        new("length empty", "length", """[""]""", "0"),
        new("echo-list mixed", "echo-list", """[["", "abc", "é ÿ", "世界", "🌍"]]""", """["", "abc", "é ÿ", "世界", "🌍"]"""),
        new("echo-list empty", "echo-list", "[[]]", "[]"),
        new("greet latin-1", "greet", """["Zoë"]""", "\"Hello, Zoë!\""),
        new("greet astral", "greet", """["🌍"]""", "\"Hello, 🌍!\""),
        new("greet empty is err", "greet", """[""]""", Error: "\"empty name\""),
        new("form of a non-latin-1 string", "form", """["é 世"]""", "\"utf16\""),
        new("widen latin-1", "widen", """["abc é ÿ"]""", "\"abc é ÿ\""),
        new("widen astral", "widen", """["世界🌍"]""", "\"世界🌍\""),
        CallHost("call-host latin-1 argument", "\"é ÿ\"", "\"from the host: 世界\""),
        CallHost("call-host astral argument", "\"🌍\"", "\"🌍 back\""),
        CallHost("call-host empty argument", "\"\"", "\"ünïcödé 世\""),
    ];
}
