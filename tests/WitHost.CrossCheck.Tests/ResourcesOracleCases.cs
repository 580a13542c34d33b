using System.Text;
using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The resources world's oracle cases (wit/resources.wit, guest tests/guests/resources.c): the
/// guest's exported resource <c>counter</c> (constructor, methods, a static function, own and
/// borrow parameters, handles inside lists and options, its destructor) and the host's resource
/// <c>blob</c> (tests/crosscheck/hosts/blob-store.mjs) used by guest exports. Resources show as
/// <c>{"$handle": n}</c>, numbered from 1 in the order the runner first meets them, so the cases
/// run in order on one instance and each handle number below is the object made by an earlier
/// case. ResourcesCrossCheckTests runs them through jco; tests/WitHost.Bindings.Tests links this
/// file and runs them through the generated bindings.
/// </summary>
internal static class ResourcesOracleCases
{
    internal const string Counters = "example:resources/counters#";
    internal const string Store = "example:resources/store#";

    private static string Handle(int number) => $$"""{"$handle": {{number}}}""";

    private static string S64(long value) => $$"""{"$bigint": "{{value}}"}""";

    private static string Bytes(string text) => new JsonObject { ["$u8"] = new JsonArray([.. Encoding.UTF8.GetBytes(text).Select(b => (JsonNode)b)]) }.ToJsonString();

    private static string Calls(params string[] calls) => "[" + string.Join(", ", calls) + "]";

    private static string Call(string function, params string[] args) => $"[\"{Store}{function}\"{string.Concat(args.Select(a => ", " + a))}]";

    private static readonly OracleCase[] s_cases =
    [
        // Counters 1 ("a") and 2 ("b"): the guest's own resource.
        new("constructor", Counters + "[constructor]counter", $"[\"a\", {S64(5)}]", Handle(1)),
        new("method with an argument", Counters + "[method]counter.increment", $"[{Handle(1)}, {S64(3)}]", S64(8)),
        new("method returning a string", Counters + "[method]counter.name", $"[{Handle(1)}]", "\"a\""),
        new("one counter lives", Counters + "live-counters", "[]", "1"),
        new("second constructor", Counters + "[constructor]counter", $"[\"b\", {S64(-2)}]", Handle(2)),
        new("static function over two borrows", Counters + "[static]counter.merge", $"[{Handle(1)}, {Handle(2)}]", Handle(3)),
        new("name of the merged counter", Counters + "[method]counter.name", $"[{Handle(3)}]", "\"a+b\""),
        new("value of the merged counter", Counters + "[method]counter.get", $"[{Handle(3)}]", S64(6)),
        new("borrow parameter", Counters + "[method]counter.add-from", $"[{Handle(1)}, {Handle(2)}]", "null"),
        new("after the borrow", Counters + "[method]counter.get", $"[{Handle(1)}]", S64(6)),
        new("the lender keeps its counter", Counters + "[method]counter.get", $"[{Handle(2)}]", S64(-2)),
        new("own parameter", Counters + "[method]counter.absorb", $"[{Handle(1)}, {Handle(2)}]", "null"),
        new("after absorbing", Counters + "[method]counter.get", $"[{Handle(1)}]", S64(4)),
        new("absorbing ran the destructor", Counters + "live-counters", "[]", "2"),
        new("dropping the last handle", Counters + "[resource-drop]counter", $"[{Handle(3)}]", "null"),
        new("dropping ran the destructor", Counters + "live-counters", "[]", "1"),

        // Blobs: the host's resource, made by the guest through the host's constructor or
        // lent to it by the host.
        new("method returning a host resource", Counters + "[method]counter.snapshot", $"[{Handle(1)}]", Handle(4),
            Imports: Calls(Call("[constructor]blob", Bytes("4")))),
        new("borrowed host resource", Counters + "blob-size", $"[{Handle(4)}]", "1",
            Imports: Calls(Call("[method]blob.size", Handle(4)))),
        new("host constructor from a string", Counters + "make-blob", "[\"héllo\"]", Handle(5),
            Imports: Calls(Call("[constructor]blob", Bytes("héllo")))),
        new("host methods through a borrow", Counters + "append-and-read", $"[{Handle(5)}, \" world\", 3]", Bytes("hé"),
            Imports: Calls(Call("[method]blob.write", Handle(5), Bytes(" world")), Call("[method]blob.read", Handle(5), "3"))),
        new("host static function", Counters + "join", $"[{Handle(4)}, {Handle(5)}]", Handle(6),
            Imports: Calls(Call("[static]blob.concat", Handle(4), Handle(5)))),
        new("the joined blob's bytes", Counters + "append-and-read", $"[{Handle(6)}, \"\", 100]", Bytes("4héllo world"),
            Imports: Calls(Call("[method]blob.write", Handle(6), Bytes("")), Call("[method]blob.read", Handle(6), "100"))),
        new("a blob the host made", Counters + "blob-size", $$"""[{"$host": "{{Store}}blob", "args": [{"$u8": [1, 2, 3]}]}]""", "3",
            Imports: Calls(Call("[method]blob.size", Handle(7)))),
        new("an own host resource dropped by the guest", Counters + "consume", $"[{Handle(6)}]", "13",
            Imports: Calls(Call("[method]blob.size", Handle(6)), Call("[resource-drop]blob", Handle(6)))),

        new("method wraps", Counters + "[method]counter.increment", $"[{Handle(1)}, {S64(long.MaxValue)}]", S64(unchecked(4 + long.MaxValue))),

        // Counters 8 ("x"), 9 ("yé") and 10 ("z"): handles inside lists and options.
        new("own handles in a list result", Counters + "make-many", $"[[\"x\", \"yé\", \"z\"], {S64(7)}]", $"[{Handle(8)}, {Handle(9)}, {Handle(10)}]"),
        new("a counter from the list", Counters + "[method]counter.name", $"[{Handle(9)}]", "\"yé\""),
        new("four counters live", Counters + "live-counters", "[]", "4"),
        new("method on a counter from the list", Counters + "[method]counter.increment", $"[{Handle(9)}, {S64(-10)}]", S64(-3)),
        new("borrowed handles in a list", Counters + "total", $"[[{Handle(8)}, {Handle(9)}, {Handle(10)}]]", S64(11)),
        new("an empty list of borrows", Counters + "total", "[[]]", S64(0)),
        new("an own handle in an option", Counters + "take-value", $"[{Handle(9)}]", S64(-3)),
        new("the option's counter was destroyed", Counters + "live-counters", "[]", "3"),
        new("no handle in the option", Counters + "take-value", "[null]", "null"),
    ];

    /// <summary>The oracle cases, in call order: what any host of this world must answer.</summary>
    internal static IReadOnlyList<OracleCase> All => s_cases;

    /// <summary>Run after <see cref="All"/>: counter 2 was given up to absorb, so the caller holds nothing to call it with any more.</summary>
    internal static OracleCase GivenUp { get; } = new("a given-up counter", Counters + "[method]counter.get", $"[{Handle(2)}]");

    /// <summary>Run last: the guest returns a handle it never made, which the spec's <c>lift_own</c> traps on.</summary>
    internal static OracleCase Forged { get; } = new("a forged handle", Counters + "forged", "[]");
}
