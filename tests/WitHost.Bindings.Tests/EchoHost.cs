using System.Text;
using Example.Roundtrip;
using Example.Roundtrip.Types;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The host side of the round-trip world: each import returns its argument, unless a test sets an
/// answer of its own; every call's name and argument are recorded.
/// </summary>
internal sealed class EchoHost : IHost
{
    public List<(string Function, object? Argument)> Calls { get; } = [];

    /// <summary>False to stop recording calls (recording boxes the argument).</summary>
    public bool Records { get; set; } = true;

    /// <summary>When set, the answer of every import in place of its argument.</summary>
    public Func<object?, object?>? Answer { get; set; }

    /// <summary>When set, the answer of many-params in place of the tuple it computes (the oracle's host answers a fixed one).</summary>
    public (ulong, string, byte[])? ManyParamsAnswer { get; set; }

    public RoundtripHost.Imports Imports => new() { Host = this };

    public bool EchoBool(bool v) => Echo("echo-bool", v);
    public byte EchoU8(byte v) => Echo("echo-u8", v);
    public sbyte EchoS8(sbyte v) => Echo("echo-s8", v);
    public ushort EchoU16(ushort v) => Echo("echo-u16", v);
    public short EchoS16(short v) => Echo("echo-s16", v);
    public uint EchoU32(uint v) => Echo("echo-u32", v);
    public int EchoS32(int v) => Echo("echo-s32", v);
    public ulong EchoU64(ulong v) => Echo("echo-u64", v);
    public long EchoS64(long v) => Echo("echo-s64", v);
    public float EchoF32(float v) => Echo("echo-f32", v);
    public double EchoF64(double v) => Echo("echo-f64", v);
    public Rune EchoChar(Rune v) => Echo("echo-char", v);
    public string EchoString(string v) => Echo("echo-string", v);
    public Point EchoPoint(Point v) => Echo("echo-point", v);
    public Person EchoPerson(Person v) => Echo("echo-person", v);
    public Team EchoTeam(Team v) => Echo("echo-team", v);
    public Level EchoLevel(Level v) => Echo("echo-level", v);
    public Permissions EchoPermissions(Permissions v) => Echo("echo-permissions", v);
    public Many EchoMany(Many v) => Echo("echo-many", v);
    public Event EchoEvent(Event v) => Echo("echo-event", v);
    public string? EchoOptionString(string? v) => Echo("echo-option-string", v);
    public Point? EchoOptionPoint(Point? v) => Echo("echo-option-point", v);
    public Result<Unit, Unit> EchoResult(Result<Unit, Unit> v) => Echo("echo-result", v);
    public Result<uint, Unit> EchoResultOk(Result<uint, Unit> v) => Echo("echo-result-ok", v);
    public Result<Unit, string> EchoResultErr(Result<Unit, string> v) => Echo("echo-result-err", v);
    public Result<string, Level> EchoResultBoth(Result<string, Level> v) => Echo("echo-result-both", v);
    public (byte, string, double) EchoTuple((byte, string, double) v) => Echo("echo-tuple", v);
    public byte[] EchoListU8(byte[] v) => Echo("echo-list-u8", v);
    public string[] EchoListString(string[] v) => Echo("echo-list-string", v);
    public Person[] EchoListPerson(Person[] v) => Echo("echo-list-person", v);
    public uint[][] EchoListList(uint[][] v) => Echo("echo-list-list", v);

    public (ulong, string, byte[]) ManyParams(byte a1, sbyte a2, ushort a3, short a4, uint a5, int a6, ulong a7, long a8, float a9, double a10, bool a11, Rune a12, string a13, Point a14, Level a15, Permissions a16, uint? a17)
    {
        Calls.Add(("many-params", (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17)));
        if (ManyParamsAnswer is { } answer)
        {
            return answer;
        }

        var sum = a1 + (ulong)(long)a2 + a3 + (ulong)(long)a4 + a5 + (ulong)(long)a6 + a7 + (ulong)a8;
        return (sum, $"{a13}|{a12}|{a14.X},{a14.Y}|{a15}|{a16}|{a17}|{a11}|{a9}|{a10}", Encoding.UTF8.GetBytes(a13));
    }

    private T Echo<T>(string function, T value)
    {
        if (Records)
        {
            Calls.Add((function, value));
        }

        return Answer is null ? value : (T)Answer(value)!;
    }
}
