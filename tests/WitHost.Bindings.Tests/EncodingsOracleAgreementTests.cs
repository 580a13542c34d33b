using System.Text.Json.Nodes;
using WitHost.CrossCheck.Tests;

namespace WitHost.Bindings.Tests;

/// <summary>
/// Both generated hosts of wit/encodings.wit give the answers jco gives: every case of
/// <see cref="EncodingsOracleCases"/> (the table EncodingsCrossCheckTests checks jco against with
/// the utf16 guest) runs through <see cref="Utf16EncodingsHost"/> and through
/// <see cref="Latin1EncodingsHost"/>, which jco cannot run, so the latin1+utf16 guest is held to
/// the same answers.
/// </summary>
public sealed class EncodingsOracleAgreementTests(Utf16EncodingsGuest utf16, Latin1EncodingsGuest latin1)
    : IClassFixture<Utf16EncodingsGuest>, IClassFixture<Latin1EncodingsGuest>
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var encoding in new[] { "utf16", "latin1+utf16" })
            {
                foreach (var oracle in EncodingsOracleCases.All)
                {
                    data.Add(encoding, oracle.Name);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_bindings_give_the_oracle_answer(string encoding, string name)
    {
        var oracle = EncodingsOracleCases.All.Single(c => c.Name == name);
        // The oracle's host-echo echoes, unless the case names its answer.
        var echo = new EncodingsEcho { Answer = s => s };
        if (oracle.Behaviours is not null)
        {
            var (import, behaviour) = JsonNode.Parse(oracle.Behaviours)!.AsObject().Single();
            Assert.Equal(EncodingsOracleCases.HostEcho, import);
            var answer = behaviour!["returns"]!.GetValue<string>();
            echo.Answer = _ => answer;
        }

        using var guest = encoding == "utf16"
            ? EncodingsGuestCalls.Utf16(utf16.Module, echo)
            : EncodingsGuestCalls.Latin1(latin1.Module, echo);
        var args = JsonNode.Parse(oracle.Args)!.AsArray();
        JsonNode? result = null;
        JsonNode? error = null;
        switch (oracle.Export)
        {
            case "reverse":
                result = guest.Reverse(Text(args[0]));
                break;
            case "length":
                result = guest.Length(Text(args[0]));
                break;
            case "echo-list":
                result = Json(guest.EchoList([.. args[0]!.AsArray().Select(Text)]));
                break;
            case "greet":
                var greeting = guest.Greet(Text(args[0]));
                (result, error) = greeting.IsOk ? ((JsonNode?)greeting.Value, (JsonNode?)null) : (null, greeting.Error);
                break;
            case "form":
                result = guest.Form(Text(args[0]));
                break;
            case "widen":
                result = guest.Widen(Text(args[0]));
                break;
            case "call-host":
                var (answer, form) = guest.CallHost(Text(args[0]));
                result = Json([answer, form]);
                break;
            default:
                Assert.Fail($"no call for export {oracle.Export}");
                break;
        }

        AssertJson(oracle.Result, result, "result");
        AssertJson(oracle.Error, error, "err payload");
        var expectedImports = JsonNode.Parse(oracle.Imports)!.AsArray().Select(call =>
        {
            var items = call!.AsArray();
            Assert.Equal(EncodingsOracleCases.HostEcho, items[0]!.GetValue<string>());
            return Text(items[1]);
        });
        Assert.Equal(expectedImports, echo.Received);
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static JsonArray Json(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static void AssertJson(string? expected, JsonNode? actual, string what)
    {
        var expectedNode = expected is null ? null : JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"{what} differs\n  oracle:  {expectedNode?.ToJsonString() ?? "null"}\n  WitHost: {actual?.ToJsonString() ?? "null"}");
    }
}
