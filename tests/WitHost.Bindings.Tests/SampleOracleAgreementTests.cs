using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The generated sample bindings give the answers jco gives: every oracle case of
/// <see cref="SampleOracleCases"/> (the table SampleCrossCheckTests checks jco against) runs through
/// the generated <c>SampleHost.Guest</c>; its result and the host's import calls are compared with
/// the oracle's JSON.
/// </summary>
/// <remarks>
/// The sample world has no echo exports to carry values between the dynamic and C# forms, so the
/// arguments and results cross by reflection over the generated types (<see cref="GeneratedValues"/>,
/// which follows the documented type mapping); the comparison is between dynamic values.
/// </remarks>
public sealed class SampleOracleAgreementTests : IClassFixture<SampleGuest>
{
    private static readonly WitPackage s_package = LoadPackage();

    private readonly SampleGuest _guest;

    public SampleOracleAgreementTests(SampleGuest guest) => _guest = guest;

    public static TheoryData<string> CaseNames => new(SampleOracleCases.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Generated_bindings_give_the_oracle_answer(string name)
    {
        var oracle = SampleOracleCases.All.Single(c => c.Name == name);
        var host = new RecordingHost();
        if (oracle.Behaviours is not null)
        {
            var (import, behaviour) = JsonNode.Parse(oracle.Behaviours)!.AsObject().Single();
            Assert.Equal("host-name", import);
            host.Name = behaviour!["returns"]!.GetValue<string>();
        }

        using var guest = SampleHost.Instantiate(_guest.Module, host.Imports);
        var (function, target) = Export(guest, oracle.Export);
        var method = GeneratedValues.StringFormWrapper(target.GetType(), GeneratedValues.PascalCase(function.Name))!;
        var parameters = method.GetParameters();
        var args = JsonNode.Parse(oracle.Args)!.AsArray();
        Assert.Equal(function.Parameters.Count, args.Count);
        var arguments = function.Parameters
            .Select((parameter, i) => GeneratedValues.ToClr(OracleJson.ToValue(args[i], parameter.Type), parameter.Type, parameters[i].ParameterType))
            .ToArray();

        var result = method.Invoke(target, arguments);

        if (function.Result is null)
        {
            Assert.Equal("null", oracle.Result);
        }
        else
        {
            Assert.Equal(ExpectedResult(oracle, function.Result), GeneratedValues.ToWit(result, function.Result));
        }

        var expectedImports = JsonNode.Parse(oracle.Imports)!.AsArray().Select(call =>
        {
            var items = call!.AsArray();
            var qualified = items[0]!.GetValue<string>();
            var shown = items.Skip(1).Select(item => item!.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : item.ToJsonString());
            return $"{qualified[(qualified.IndexOf('#') + 1)..]}({string.Join(", ", shown)})";
        });
        Assert.Equal(expectedImports, host.Calls);
    }

    /// <summary>The export's WIT function and the generated object whose method calls it (the guest, or its interface's property).</summary>
    private static (WitFunction Function, object Target) Export(SampleHost.Guest guest, string export)
    {
        var hash = export.IndexOf('#');
        if (hash < 0)
        {
            var world = s_package.FindWorld("sample")!;
            var item = world.Exports.OfType<WitWorldFunctionItem>().Single(f => f.Function.Name == export);
            return (item.Function, guest);
        }

        var interfaceName = export[(export.IndexOf('/') + 1)..hash];
        var function = s_package.FindInterface(interfaceName)!.Functions.Single(f => f.Name == export[(hash + 1)..]);
        var target = guest.GetType().GetProperty(GeneratedValues.PascalCase(interfaceName))!.GetValue(guest)!;
        return (function, target);
    }

    /// <summary>A top-level result comes back from jco as a plain ok value (<c>Result</c>) or an <c>Error</c> payload.</summary>
    private static WitValue ExpectedResult(OracleCase oracle, WitType type)
    {
        if (type.Unaliased is WitResultType result)
        {
            var isOk = oracle.Error is null;
            var payloadType = isOk ? result.Ok : result.Err;
            var payload = isOk ? oracle.Result : oracle.Error;
            return new WitResultValue(isOk, payloadType is null ? null : OracleJson.ToValue(JsonNode.Parse(payload!), payloadType));
        }

        return OracleJson.ToValue(JsonNode.Parse(oracle.Result!), type);
    }

    private static WitPackage LoadPackage()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("WitHost.slnx not found above " + AppContext.BaseDirectory);
        }

        return WitResolver.ResolvePath(Path.Combine(directory.FullName, "wit", "sample.wit")).Root!;
    }
}
