using System.Text;
using WitHost.Wamr.Values;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>The WAVE forms beyond a plain print/parse round trip, and its error reports.</summary>
public sealed class WaveParserTests
{
    private static readonly WitRecordType Example = TestTypes.Record("example", ("must-have", WitPrimitiveType.U8), ("optional", new WitOptionType(WitPrimitiveType.U8)));
    private static readonly WitRecordType AllOptional = TestTypes.Record("all-optional", ("optional", new WitOptionType(WitPrimitiveType.U8)));
    private static readonly WitVariantType Response = TestTypes.Variant("response", ("empty", null), ("body", new WitListType(WitPrimitiveType.U8)), ("err", WitPrimitiveType.String));
    private static readonly WitEnumType Status = TestTypes.Enum("status", "ok", "not-found");
    private static readonly WitFlagsType Perms = TestTypes.Flags("perms", "read", "write", "exec");

    [Fact]
    public void OptionsAndResultsMayBeWrittenFlat()
    {
        Assert.Equal(new WitOptionValue(new WitIntegerValue(123)), WaveParser.Parse("123", new WitOptionType(WitPrimitiveType.U8)));
        Assert.Equal(new WitOptionValue(new WitStringValue("x")), WaveParser.Parse("\"x\"", new WitOptionType(WitPrimitiveType.String)));
        Assert.Equal(WitResultValue.Ok(new WitIntegerValue(123)), WaveParser.Parse("123", new WitResultType(WitPrimitiveType.U8, null)));
        Assert.Equal(WitResultValue.Ok(), WaveParser.Parse("ok", new WitResultType(null, WitPrimitiveType.String)));
        Assert.Equal(WitResultValue.Err(), WaveParser.Parse("err", new WitResultType(null, null)));
    }

    [Fact]
    public void NestedOptionsNeedTheExplicitForm()
    {
        var nested = new WitOptionType(new WitOptionType(WitPrimitiveType.U8));
        Assert.Equal(new WitOptionValue(WitOptionValue.None), WaveParser.Parse("some(none)", nested));
        Assert.Throws<WaveParseException>(() => WaveParser.Parse("5", nested));
    }

    [Fact]
    public void RecordFieldsComeInAnyOrderAndNoneFieldsMayBeOmitted()
    {
        var expected = new WitRecordValue([new("must-have", new WitIntegerValue(123)), new("optional", WitOptionValue.None)]);
        Assert.Equal(expected, WaveParser.Parse("{must-have: 123}", Example));
        Assert.Equal(expected, WaveParser.Parse("{optional: none, must-have: 123,}", Example));
        Assert.Equal(new WitRecordValue([new("optional", WitOptionValue.None)]), WaveParser.Parse("{:}", AllOptional));
        Assert.Contains("empty record is written '{:}'", Assert.Throws<WaveParseException>(() => WaveParser.Parse("{}", AllOptional)).Reason);
        Assert.Contains("missing field 'must-have'", Assert.Throws<WaveParseException>(() => WaveParser.Parse("{optional: 1}", Example)).Reason);
    }

    [Fact]
    public void KeywordCasesAreEscapedWithPercent()
    {
        Assert.Equal(new WitVariantValue("err", new WitStringValue("oops")), WaveParser.Parse("%err(\"oops\")", Response));
        Assert.Equal(new WitEnumValue("ok"), WaveParser.Parse("%ok", Status));
        Assert.Equal(new WitEnumValue("not-found"), WaveParser.Parse("%not-found", Status));
        Assert.Contains("'%ok'", Assert.Throws<WaveParseException>(() => WaveParser.Parse("ok", Status)).Reason);
        Assert.Equal("%err(\"oops\")", WaveWriter.Write(new WitVariantValue("err", new WitStringValue("oops"))));
    }

    [Fact]
    public void FlagsComeInAnyOrder()
    {
        Assert.Equal(new WitFlagsValue(["read", "write"]), WaveParser.Parse("{write, read,}", Perms));
        Assert.Equal(new WitFlagsValue([]), WaveParser.Parse("{}", Perms));
        Assert.Contains("twice", Assert.Throws<WaveParseException>(() => WaveParser.Parse("{read, read}", Perms)).Reason);
    }

    [Fact]
    public void FloatsIncludeNanAndInfinities()
    {
        Assert.Equal(0x7ff8000000000000ul, BitConverter.DoubleToUInt64Bits(((WitFloat64Value)WaveParser.Parse("nan", WitPrimitiveType.F64)).Value));
        Assert.Equal(0x7fc00000u, BitConverter.SingleToUInt32Bits(((WitFloat32Value)WaveParser.Parse("nan", WitPrimitiveType.F32)).Value));
        Assert.Equal(new WitFloat64Value(double.NegativeInfinity), WaveParser.Parse("-inf", WitPrimitiveType.F64));
        Assert.Equal(new WitFloat32Value(6.022e+23f), WaveParser.Parse("6.022e+23", WitPrimitiveType.F32));
        Assert.Equal(new WitFloat64Value(-0.0), WaveParser.Parse("-0", WitPrimitiveType.F64));
        Assert.NotEqual(new WitFloat64Value(0.0), WaveParser.Parse("-0", WitPrimitiveType.F64));
        Assert.Throws<WaveParseException>(() => WaveParser.Parse("01", WitPrimitiveType.F64));
        Assert.Throws<WaveParseException>(() => WaveParser.Parse(".5", WitPrimitiveType.F64));
    }

    [Fact]
    public void CharsAndStringsUnderstandEveryEscape()
    {
        Assert.Equal(new WitCharValue(new Rune('\'')), WaveParser.Parse(@"'\''", WitPrimitiveType.Char));
        Assert.Equal(new WitCharValue(new Rune(0x2603)), WaveParser.Parse("'☃'", WitPrimitiveType.Char));
        Assert.Equal(new WitCharValue(new Rune(0)), WaveParser.Parse(@"'\u{0}'", WitPrimitiveType.Char));
        Assert.Equal(new WitStringValue("a\t\"b\\\n\r\U0001F600"), WaveParser.Parse(@"""a\t\""b\\\n\r\u{1F600}""", WitPrimitiveType.String));
        Assert.Contains("not a Unicode scalar value", Assert.Throws<WaveParseException>(() => WaveParser.Parse(@"'\u{D800}'", WitPrimitiveType.Char)).Reason);
        Assert.Contains("exactly one", Assert.Throws<WaveParseException>(() => WaveParser.Parse("'ab'", WitPrimitiveType.Char)).Reason);
        Assert.Throws<WaveParseException>(() => WaveParser.Parse("\"a\nb\"", WitPrimitiveType.String));
    }

    [Fact]
    public void MultilineStringsAreDedentedByTheirClosingDelimiter()
    {
        Assert.Equal(new WitStringValue("A single line"), WaveParser.Parse("\"\"\"\nA single line\n\"\"\"", WitPrimitiveType.String));
        Assert.Equal(
            new WitStringValue("  Indentation determined\n    by ending delimiter"),
            WaveParser.Parse("\"\"\"\n    Indentation determined\n      by ending delimiter\n  \"\"\"", WitPrimitiveType.String));
        Assert.Equal(
            new WitStringValue("Must escape carriage return at end of line: \r\nMust break up double quote triplets: \"\"\"\""),
            WaveParser.Parse("\"\"\"\n  Must escape carriage return at end of line: \\r\n  Must break up double quote triplets: \"\"\\\"\"\n  \"\"\"", WitPrimitiveType.String));
        Assert.Throws<WaveParseException>(() => WaveParser.Parse("\"\"\"\n  x\n    \"\"\"", WitPrimitiveType.String));
    }

    [Fact]
    public void CommentsAndWhitespaceBetweenTokensAreIgnored()
    {
        var type = new WitListType(new WitTupleType(Wit.Collections.EquatableArray.Create<WitType>(WitPrimitiveType.U8, WitPrimitiveType.String)));
        var parsed = WaveParser.Parse("[ // first\n (1 , \"a\"),\n\t(2, \"b\"), // trailing comma\n]", type);
        Assert.Equal(new WitListValue([new WitTupleValue([new WitIntegerValue(1), new WitStringValue("a")]), new WitTupleValue([new WitIntegerValue(2), new WitStringValue("b")])]), parsed);
    }

    [Fact]
    public void FixedLengthListsNeedExactlyTheirLength()
    {
        var type = new WitListType(WitPrimitiveType.U8, 2);
        Assert.Equal(new WitListValue([new WitIntegerValue(1), new WitIntegerValue(2)]), WaveParser.Parse("[1, 2]", type));
        Assert.Contains("expected 2 elements", Assert.Throws<WaveParseException>(() => WaveParser.Parse("[1]", type)).Reason);
    }

    [Theory]
    [InlineData("256", WitPrimitiveKind.U8, "out of range for u8")]
    [InlineData("-129", WitPrimitiveKind.S8, "out of range for s8")]
    [InlineData("18446744073709551616", WitPrimitiveKind.U64, "out of range for u64")]
    [InlineData("1.5", WitPrimitiveKind.S32, "fraction")]
    [InlineData("yes", WitPrimitiveKind.Bool, "expected a bool")]
    [InlineData("1e999", WitPrimitiveKind.F64, "too large")]
    public void ScalarsAreRangeChecked(string text, WitPrimitiveKind kind, string reason)
        => Assert.Contains(reason, Assert.Throws<WaveParseException>(() => WaveParser.Parse(text, new WitPrimitiveType(kind))).Reason);

    [Fact]
    public void ErrorsSayWhereByLineAndColumn()
    {
        var type = new WitListType(WitPrimitiveType.U8);
        var error = Assert.Throws<WaveParseException>(() => WaveParser.Parse("[\n  1,\n  300,\n]", type));
        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Equal(9, error.Offset);
        Assert.Contains("line 3, column 3", error.Message);

        var trailing = Assert.Throws<WaveParseException>(() => WaveParser.Parse("[1] x", type));
        Assert.Contains("unexpected text", trailing.Reason);
    }

    [Fact]
    public void ArgumentListsMayOmitTrailingNoneArguments()
    {
        var option = new WitOptionType(WitPrimitiveType.U8);
        WitType[] parameters = [option, option, option];
        WitValue[] expected = [new WitOptionValue(new WitIntegerValue(1)), WitOptionValue.None, WitOptionValue.None];
        Assert.Equal(expected, WaveParser.ParseArguments("(some(1))", parameters).ToArray());
        Assert.Equal(expected, WaveParser.ParseArguments("(some(1), none)", parameters).ToArray());
        Assert.Equal(expected, WaveParser.ParseArguments("(1, none, none,)", parameters).ToArray());
        Assert.Contains("missing argument 2", Assert.Throws<WaveParseException>(() => WaveParser.ParseArguments("(1)", [WitPrimitiveType.U8, WitPrimitiveType.U8])).Reason);
    }

    [Fact]
    public void LabelsFollowWitIdentifierRules()
    {
        var flags = TestTypes.Flags("f", "HTTP3", "method-GET");
        Assert.Equal(new WitFlagsValue(["HTTP3", "method-GET"]), WaveParser.Parse("{method-GET, %HTTP3}", flags));
        Assert.Contains("all lowercase or all uppercase", Assert.Throws<WaveParseException>(() => WaveParser.Parse("{Http3}", flags)).Reason);
    }
}
