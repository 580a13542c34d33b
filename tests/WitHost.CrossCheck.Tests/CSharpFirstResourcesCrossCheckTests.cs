namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The C#-first resources guest (tests/guests/csharp-first-resources.c) against
/// wit/csharp-first-resources.wit, the WIT the generator derives from
/// tests/WitHost.Bindings.Tests/CSharpFirstResourcesContracts.cs (a bindings test keeps the two
/// equal). jco accepting the component proves the derived resources are WIT that independent
/// tooling takes and that the guest's resource intrinsics, methods and destructor match it; its
/// answers are the ones CSharpFirstResourcesBindingsTests gets through the generated bindings:
/// the guest's <c>tally</c> made, used, lent, dropped and given away, and the host's
/// <c>counter</c> (tests/crosscheck/hosts/counter-store.mjs) opened, forked, lent and dropped.
/// </summary>
public sealed class CSharpFirstResourcesCrossCheckTests : IClassFixture<CSharpFirstResourcesCrossCheckTests.Run>
{
    private const string Tallies = "example:csharp-first-resources/tallies#";
    private const string Counters = "example:csharp-first-resources/counters#";

    private static string Handle(int number) => $$"""{"$handle": {{number}}}""";

    private static string Import(string function, params string[] args) => $"[\"{Counters}{function}\"{string.Concat(args.Select(a => ", " + a))}]";

    // In order on one instance; handles are numbered as the runner first meets the objects.
    private static readonly OracleCase[] s_cases =
    [
        new("factory", Tallies + "start", "[5]", Handle(1)),
        new("method", Tallies + "[method]tally.add", $"[{Handle(1)}, 3]", "8"),
        new("second factory", Tallies + "start", "[10]", Handle(2)),
        new("method with a borrow, returning an own", Tallies + "[method]tally.merge", $"[{Handle(1)}, {Handle(2)}]", Handle(3)),
        new("borrow parameter", Tallies + "total", $"[{Handle(3)}]", "18"),
        new("three tallies live", Tallies + "live", "[]", "3"),
        new("dropping the last handle", Tallies + "[resource-drop]tally", $"[{Handle(3)}]", "null"),
        new("dropping ran the destructor", Tallies + "live", "[]", "2"),
        new("owns given away in a list", Tallies + "sum", $"[[{Handle(1)}, {Handle(2)}]]", "18"),
        new("the guest dropped them", Tallies + "live", "[]", "0"),
        new("the host's counters", "example:csharp-first-resources/driver#run", "[\"tally\"]", "10702",
            Imports: "[" + string.Join(", ",
                Import("open", "\"tally\""),
                Import("[method]counter.add", Handle(4), "2"),
                Import("[method]counter.fork", Handle(4)),
                Import("[method]counter.add", Handle(5), "5"),
                Import("name-of", Handle(5)),
                Import("[method]counter.add", Handle(4), "0"),
                Import("[method]counter.add", Handle(5), "0"),
                Import("[resource-drop]counter", Handle(5)),
                Import("[resource-drop]counter", Handle(4))) + "]"),
    ];

    private readonly Run _run;

    public CSharpFirstResourcesCrossCheckTests(Run run) => _run = run;

    public static TheoryData<string> CaseNames => new(s_cases.Select(c => c.Name));

    [Fact]
    public void Jco_accepts_the_guest_against_the_derived_wit() => _run.AssertAccepted();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Jco_gives_the_answers_the_csharp_contract_promises(string name) => _run.AssertCase(name);

    /// <summary>Every case, run once through jco on one instance, the host's counters from counter-store.mjs.</summary>
    public sealed class Run : OracleRun
    {
        public Run()
            : base(
                JcoOracle.InRepo("tests", "guests", "csharp-first-resources.wasm"),
                JcoOracle.InRepo("wit", "csharp-first-resources.wit"),
                "c-sharp-first-resources-host",
                [],
                s_cases,
                host: JcoOracle.InRepo("tests", "crosscheck", "hosts", "counter-store.mjs"))
        {
        }
    }
}
