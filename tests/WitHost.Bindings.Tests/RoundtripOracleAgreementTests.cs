using System.Reflection;
using System.Text.Json.Nodes;
using WitHost.CrossCheck.Tests;
using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Values;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The generated round-trip bindings give the answers jco gives: every oracle case of
/// <see cref="RoundtripOracleCases"/> (the table RoundtripCrossCheckTests checks jco against) runs
/// through the generated <c>RoundtripHost.Guest</c>, and its result and the host's recorded import
/// calls are compared with the oracle's JSON.
/// </summary>
/// <remarks>
/// Both sides are compared as dynamic values (<see cref="WitValue"/>). The oracle's JSON is read
/// with the WIT types (<see cref="OracleJson"/>). C# values cross to and from the dynamic form
/// through the guest itself, so nothing is retyped by hand: to get the C# form of a value, a fresh
/// instance calls the echo export of its type dynamically and keeps what the generated import
/// entry lifted; to get the dynamic form of a C# value, a fresh instance lets the generated import
/// entry answer it and the dynamic call lifts it. LoweringDifferentialTests checks that the
/// generated and dynamic codecs lower alike, which is what makes this bridge neutral.
/// </remarks>
public sealed class RoundtripOracleAgreementTests : IClassFixture<RoundtripGuest>
{
    private static readonly WitInterface s_echoes;
    private static readonly WitInterface s_host;

    static RoundtripOracleAgreementTests()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "WitHost.slnx")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("WitHost.slnx not found above " + AppContext.BaseDirectory);
        }

        var resolution = WitResolver.ResolvePath(Path.Combine(directory.FullName, "wit", "roundtrip.wit"));
        s_echoes = resolution.Root!.FindInterface("echoes")!;
        s_host = resolution.Root!.FindInterface("host")!;
    }

    private readonly RoundtripGuest _guest;

    public RoundtripOracleAgreementTests(RoundtripGuest guest) => _guest = guest;

    /// <summary>
    /// Every case whose export takes one value, i.e. all but "many params": its seventeen
    /// arguments have no one-value echo to carry them into C#, so its own test below converts them
    /// by reflection over the generated types instead.
    /// </summary>
    public static TheoryData<string> CaseNames => new(RoundtripOracleCases.All
        .Where(c => JsonNode.Parse(c.Args)!.AsArray().Count == 1)
        .Select(c => c.Name));

    [Fact]
    public void The_table_covers_every_one_value_export()
    {
        var covered = RoundtripOracleCases.All.Select(c => FunctionName(c.Export)).ToHashSet();
        var oneValue = s_echoes.Functions.Where(f => f.Parameters.Count == 1).Select(f => f.Name).ToHashSet();
        Assert.Subset(covered, oneValue);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Generated_bindings_give_the_oracle_answer(string name)
    {
        var oracle = RoundtripOracleCases.All.Single(c => c.Name == name);
        var function = Echo(FunctionName(oracle.Export));
        var argument = OracleJson.ToValue(JsonNode.Parse(oracle.Args)!.AsArray()[0], function.Parameters[0].Type);

        var host = new EchoHost();
        if (oracle.Behaviours is not null)
        {
            var (import, behaviour) = JsonNode.Parse(oracle.Behaviours)!.AsObject().Single();
            var answer = HostAnswer(Import(FunctionName(import)), behaviour!.AsObject());
            host.Answer = _ => answer;
        }

        object? result;
        using (var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports))
        {
            var wrapper = GeneratedValues.StringFormWrapper(guest.Echoes.GetType(), PascalCase(function.Name))!;
            result = wrapper.Invoke(guest.Echoes, [ToGenerated(argument, function.Parameters[0].Type)]);
        }

        Assert.Equal(ExpectedResult(oracle, function.Result!), ToDynamic(result, function.Result!));

        var expectedImports = JsonNode.Parse(oracle.Imports)!.AsArray()
            .Select(call => (FunctionName(call![0]!.GetValue<string>()), call[1]))
            .ToList();
        Assert.Equal(expectedImports.Count, host.Calls.Count);
        for (var i = 0; i < expectedImports.Count; i++)
        {
            var (importName, json) = expectedImports[i];
            var import = Import(importName);
            Assert.Equal(importName, host.Calls[i].Function);
            Assert.Equal(OracleJson.ToValue(json, import.Parameters[0].Type), ToDynamic(host.Calls[i].Argument, import.Parameters[0].Type));
        }
    }

    [Fact]
    public void Generated_bindings_give_the_oracle_answer_for_many_params()
    {
        var oracle = RoundtripOracleCases.All.Single(c => c.Name == "many params");
        var function = Echo(FunctionName(oracle.Export));
        var import = Import(function.Name);
        // The oracle's host answers many-params with a fixed tuple (RoundtripOracleCases.ManyParamsAnswer).
        var answer = GeneratedValues.ToClr(OracleJson.ToValue(JsonNode.Parse(RoundtripOracleCases.ManyParamsAnswer), import.Result!), import.Result!, typeof((ulong, string, byte[])));
        var host = new EchoHost { ManyParamsAnswer = ((ulong, string, byte[]))answer! };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        var method = GeneratedValues.StringFormWrapper(guest.Echoes.GetType(), PascalCase(function.Name))!;
        var parameters = method.GetParameters();
        var args = JsonNode.Parse(oracle.Args)!.AsArray();
        var arguments = function.Parameters
            .Select((parameter, i) => GeneratedValues.ToClr(OracleJson.ToValue(args[i], parameter.Type), parameter.Type, parameters[i].ParameterType))
            .ToArray();

        var result = method.Invoke(guest.Echoes, arguments);

        Assert.Equal(OracleJson.ToValue(JsonNode.Parse(oracle.Result!), function.Result!), GeneratedValues.ToWit(result, function.Result!));
        var expectedCall = Assert.Single(JsonNode.Parse(oracle.Imports)!.AsArray())!.AsArray();
        Assert.Equal(import.Name, FunctionName(expectedCall[0]!.GetValue<string>()));
        var (called, received) = Assert.Single(host.Calls);
        Assert.Equal(import.Name, called);
        var tuple = (System.Runtime.CompilerServices.ITuple)received!;
        Assert.Equal(import.Parameters.Count, tuple.Length);
        for (var i = 0; i < tuple.Length; i++)
        {
            Assert.Equal(OracleJson.ToValue(expectedCall[i + 1], import.Parameters[i].Type), GeneratedValues.ToWit(tuple[i], import.Parameters[i].Type));
        }
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

    /// <summary>The C# answer for an import behaviour: <c>returns</c> a value, or <c>throws</c> an err payload.</summary>
    private object? HostAnswer(WitFunction import, JsonObject behaviour)
    {
        WitValue answer;
        if (behaviour["throws"] is { } thrown)
        {
            var result = (WitResultType)import.Result!.Unaliased;
            answer = new WitResultValue(false, result.Err is null ? null : OracleJson.ToValue(thrown, result.Err));
        }
        else
        {
            answer = OracleJson.ToValue(behaviour["returns"], import.Result!);
        }

        return ToGenerated(answer, import.Result!);
    }

    /// <summary>The C# form of <paramref name="value"/>: what the generated import entry lifts when the echo export of its type passes it on.</summary>
    private object? ToGenerated(WitValue value, WitType type)
    {
        var echo = EchoOf(type);
        var host = new EchoHost();
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        DynamicExportCall.Invoke(guest.Instance, RoundtripOracleCases.Echoes + echo.Name, echo, [value]);
        return Assert.Single(host.Calls).Argument;
    }

    /// <summary>The dynamic form of the C# <paramref name="value"/>: the generated import entry answers it, the dynamic call lifts it.</summary>
    private WitValue ToDynamic(object? value, WitType type)
    {
        var echo = EchoOf(type);
        var host = new EchoHost { Records = false, Answer = _ => value };
        using var guest = RoundtripHost.Instantiate(_guest.Module, host.Imports);
        // Any value of the type will do as the argument; the host ignores it.
        var placeholder = new RandomWitValueSource(seed: 1).Value(echo.Parameters[0].Type);
        return DynamicExportCall.Invoke(guest.Instance, RoundtripOracleCases.Echoes + echo.Name, echo, [placeholder])!;
    }

    /// <summary>The echo export that passes values of <paramref name="type"/> straight to the host import of the same name and type.</summary>
    private static WitFunction EchoOf(WitType type)
        => s_echoes.Functions.First(echo => echo.Parameters.Count == 1
            && echo.Parameters[0].Type.ToString() == type.ToString()
            && s_host.Functions.Any(import => import.Name == echo.Name && import.Parameters.Count == 1 && import.Parameters[0].Type.ToString() == type.ToString()));

    private static WitFunction Echo(string name) => s_echoes.Functions.Single(f => f.Name == name);

    private static WitFunction Import(string name) => s_host.Functions.Single(f => f.Name == name);

    private static string FunctionName(string qualified) => qualified[(qualified.IndexOf('#') + 1)..];

    private static string PascalCase(string witName)
        => string.Concat(witName.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
