using WitHost.Wit.Model;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>Every WIT type resolves to the matching model type.</summary>
public sealed class TypeTests
{
    [Theory]
    [InlineData("bool", WitPrimitiveKind.Bool)]
    [InlineData("s8", WitPrimitiveKind.S8)]
    [InlineData("u8", WitPrimitiveKind.U8)]
    [InlineData("s16", WitPrimitiveKind.S16)]
    [InlineData("u16", WitPrimitiveKind.U16)]
    [InlineData("s32", WitPrimitiveKind.S32)]
    [InlineData("u32", WitPrimitiveKind.U32)]
    [InlineData("s64", WitPrimitiveKind.S64)]
    [InlineData("u64", WitPrimitiveKind.U64)]
    [InlineData("f32", WitPrimitiveKind.F32)]
    [InlineData("f64", WitPrimitiveKind.F64)]
    [InlineData("char", WitPrimitiveKind.Char)]
    [InlineData("string", WitPrimitiveKind.String)]
    public void Primitives(string spelling, WitPrimitiveKind kind)
    {
        var alias = Assert.IsType<WitAliasType>(WitText.Type($"type t = {spelling};", "t"));
        Assert.Equal(new WitPrimitiveType(kind), alias.Target);
        Assert.Equal(spelling, alias.Target.ToString());
    }

    [Fact]
    public void Lists_tuples_options_maps()
    {
        var i = WitText.Interface("""
            type a = list<u8>;
            type b = list<u32, 4>;
            type c = tuple<u8, string, tuple<bool>>;
            type d = option<option<s64>>;
            type e = map<string, list<u8>>;
            """);
        WitType Target(string name) => ((WitAliasType)i.Types.Single(t => t.Name == name)).Target;

        Assert.Equal(new WitListType(WitPrimitiveType.U8), Target("a"));
        Assert.Equal(new WitListType(WitPrimitiveType.U32, 4), Target("b"));
        var tuple = Assert.IsType<WitTupleType>(Target("c"));
        Assert.Equal(3, tuple.Elements.Count);
        Assert.Equal(new WitTupleType(Collections.EquatableArray.Create<WitType>(WitPrimitiveType.Bool)), tuple.Elements[2]);
        Assert.Equal(new WitOptionType(new WitOptionType(WitPrimitiveType.S64)), Target("d"));
        Assert.Equal(new WitMapType(WitPrimitiveType.String, new WitListType(WitPrimitiveType.U8)), Target("e"));
    }

    [Fact]
    public void All_four_result_forms()
    {
        var i = WitText.Interface("""
            type a = result<u32, string>;
            type b = result<_, string>;
            type c = result<u32>;
            type d = result;
            """);
        WitType Target(string name) => ((WitAliasType)i.Types.Single(t => t.Name == name)).Target;

        Assert.Equal(new WitResultType(WitPrimitiveType.U32, WitPrimitiveType.String), Target("a"));
        Assert.Equal(new WitResultType(null, WitPrimitiveType.String), Target("b"));
        Assert.Equal(new WitResultType(WitPrimitiveType.U32, null), Target("c"));
        Assert.Equal(new WitResultType(null, null), Target("d"));
    }

    [Fact]
    public void Futures_streams_and_error_context()
    {
        var i = WitText.Interface("""
            type a = future<u32>;
            type b = future;
            type c = stream<u8>;
            type d = stream;
            type e = error-context;
            """);
        WitType Target(string name) => ((WitAliasType)i.Types.Single(t => t.Name == name)).Target;

        Assert.Equal(new WitFutureType(WitPrimitiveType.U32), Target("a"));
        Assert.Equal(new WitFutureType(null), Target("b"));
        Assert.Equal(new WitStreamType(WitPrimitiveType.U8), Target("c"));
        Assert.Equal(new WitStreamType(null), Target("d"));
        Assert.Same(WitErrorContextType.Instance, Target("e"));
    }

    [Fact]
    public void Records_variants_enums_flags_carry_name_owner_and_docs()
    {
        var i = WitText.Interface("""
            /// A point.
            record point {
              /// Horizontal.
              x: s32,
              y: s32,
            }
            variant shape { none, circle(u32), poly(list<point>) }
            enum color { red, green, blue }
            flags perms { read, write, exec }
            """);

        var point = Assert.IsType<WitRecordType>(i.Types[0]);
        Assert.Equal(("point", "A point.", "test:pkg/i"), (point.Name, point.Docs, point.Owner.QualifiedName));
        Assert.Equal(new[] { "x", "y" }, point.Fields.Select(f => f.Name));
        Assert.Equal("Horizontal.", point.Fields[0].Docs);

        var shape = Assert.IsType<WitVariantType>(i.Types[1]);
        Assert.Null(shape.Cases[0].Payload);
        Assert.Equal(WitPrimitiveType.U32, shape.Cases[1].Payload);
        Assert.Equal(new WitListType(point), shape.Cases[2].Payload);

        Assert.Equal(new[] { "red", "green", "blue" }, Assert.IsType<WitEnumType>(i.Types[2]).Cases.Select(c => c.Name));
        Assert.Equal(new[] { "read", "write", "exec" }, Assert.IsType<WitFlagsType>(i.Types[3]).Flags.Select(c => c.Name));
    }

    [Fact]
    public void Types_may_be_used_before_they_are_defined()
    {
        var alias = Assert.IsType<WitAliasType>(WitText.Type("type a = list<b>;\nrecord b { x: u8 }", "a"));
        Assert.Equal("b", Assert.IsType<WitRecordType>(Assert.IsType<WitListType>(alias.Target).Element).Name);
    }

    [Fact]
    public void Resources_are_nominal_and_named_resources_mean_own_handles()
    {
        var i = WitText.Interface("""
            resource file;
            type f = file;
            type o = own<file>;
            type b = borrow<file>;
            type l = list<file>;
            type via-alias = list<f>;
            """);
        var file = Assert.IsType<WitResourceType>(i.Types[0]);
        WitType Target(string name) => ((WitAliasType)i.Types.Single(t => t.Name == name)).Target;

        Assert.Same(file, Target("f"));
        Assert.Equal(new WitHandleType(WitHandleKind.Own, file), Target("o"));
        Assert.Equal(new WitHandleType(WitHandleKind.Borrow, file), Target("b"));
        Assert.Equal(new WitListType(new WitHandleType(WitHandleKind.Own, file)), Target("l"));
        Assert.Equal(new WitListType(new WitHandleType(WitHandleKind.Own, file)), Target("via-alias"));
    }

    [Fact]
    public void Aliases_keep_their_chain_and_unalias_to_the_target()
    {
        var i = WitText.Interface("type a = u32;\ntype b = a;");
        var b = Assert.IsType<WitAliasType>(i.Types[1]);
        Assert.False(b.IsUse);
        Assert.Equal("a", Assert.IsType<WitAliasType>(b.Target).Name);
        Assert.Equal(WitPrimitiveType.U32, b.Unaliased);
    }

    [Fact]
    public void Use_brings_types_from_another_interface_and_renames_them()
    {
        var package = WitText.Valid("""
            package test:pkg;
            interface types { record point { x: u8 } resource handle; }
            interface user {
              use types.{point, handle as h};
              take: func(p: point, x: borrow<h>) -> h;
            }
            """);
        var user = package.FindInterface("user")!;
        var point = Assert.IsType<WitAliasType>(user.Types[0]);
        Assert.True(point.IsUse);
        Assert.Equal("test:pkg/types", Assert.IsType<WitRecordType>(point.Target).Owner.QualifiedName);
        Assert.Equal("test:pkg/user", point.Owner.QualifiedName);
        Assert.Equal("h", user.Types[1].Name);

        var take = user.Functions.Single();
        var handle = package.FindInterface("types")!.Types.OfType<WitResourceType>().Single();
        Assert.Equal(new WitHandleType(WitHandleKind.Borrow, handle), take.Parameters[1].Type);
        Assert.Equal(new WitHandleType(WitHandleKind.Own, handle), take.Result);
    }

    [Fact]
    public void Percent_escapes_allow_keywords_as_names()
    {
        var i = WitText.Interface("record %record { %type: u8 }\n%variant: func(%enum: %record);");
        Assert.Equal("record", i.Types[0].Name);
        Assert.Equal("type", ((WitRecordType)i.Types[0]).Fields[0].Name);
        Assert.Equal(("variant", "enum"), (i.Functions[0].Name, i.Functions[0].Parameters[0].Name));
    }

    [Fact]
    public void Deep_but_allowed_nesting_resolves()
    {
        var depth = 99;
        var type = string.Concat(Enumerable.Repeat("list<", depth)) + "u8" + new string('>', depth);
        var alias = Assert.IsType<WitAliasType>(WitText.Type($"type t = {type};", "t"));
        var levels = 0;
        for (WitType current = alias.Target; current is WitListType list; current = list.Element)
        {
            levels++;
        }

        Assert.Equal(depth, levels);
    }

    [Theory]
    [InlineData("tuple<list<u8, 4>, option<result<_, string>>, map<u32, future>, stream, own<r>, error-context, point>")]
    [InlineData("result<list<point>, borrow<r>>")]
    [InlineData("result<future<stream<char>>>")]
    [InlineData("result")]
    public void Types_print_as_wit(string type)
    {
        var alias = Assert.IsType<WitAliasType>(WitText.Type($"resource r;\nrecord point {{ x: u8 }}\ntype t = {type};", "t"));
        Assert.Equal(type, alias.Target.ToString());
        Assert.Equal("t", alias.ToString());
    }
}
