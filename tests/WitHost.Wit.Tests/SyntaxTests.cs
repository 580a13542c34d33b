using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>Lexical details: identifiers, comments, doc comments, string literals, trailing commas.</summary>
public sealed class SyntaxTests
{
    [Theory]
    [InlineData("foo")]
    [InlineData("foo-bar")]
    [InlineData("XML-parser")]
    [InlineData("v2")]
    [InlineData("a1-b2-C3")]
    public void Valid_identifiers(string name)
        => Assert.Equal(name, WitText.Valid($"package a:b;\ninterface {name} {{}}").Interfaces[0].Name);

    [Theory]
    [InlineData("fooBar")]
    [InlineData("foo_bar")]
    [InlineData("foo--bar")]
    [InlineData("foo-")]
    [InlineData("2foo")]
    [InlineData("%foo_bar")]
    public void Invalid_identifiers(string name)
        => WitText.Error($"package a:b;\ninterface $${name} {{}}", name.StartsWith("2", StringComparison.Ordinal) ? DiagnosticCodes.UnexpectedToken : DiagnosticCodes.InvalidIdentifier);

    [Fact]
    public void Comments_nest_and_are_ignored()
    {
        var i = WitText.Interface("// line\n/* block /* nested */ still */ type /* inside */ t /**/ = // end\n u8;");
        Assert.Equal("t", i.Types.Single().Name);
        Assert.Null(i.Types.Single().Docs);
    }

    [Fact]
    public void Doc_comments_are_kept_and_normalised()
    {
        var i = WitText.Interface("""
              /// First line.
              ///   Indented.
              ///
              /// Last.
              f: func();
              /** Block
                  docs. */
              g: func();
            """);
        Assert.Equal("First line.\n  Indented.\n\nLast.", i.Functions[0].Docs);
        Assert.Equal("Block\n     docs.", i.Functions[1].Docs);
    }

    [Fact]
    public void Docs_survive_between_gates_and_items()
    {
        var i = WitText.Valid("package a:b@1.0.0;\n/// Before.\n@since(version = 1.0.0)\n/// After.\ninterface i {}").Interfaces[0];
        Assert.Equal("Before.\nAfter.", i.Docs);
    }

    [Fact]
    public void Trailing_commas_are_allowed()
    {
        var i = WitText.Interface("record r { a: u8, }\nenum e { x, }\nflags f { y, }\nvariant v { z, }\ntype t = tuple<u8,>;\nfun: func(a: u8,);");
        Assert.Equal(5, i.Types.Count);
    }

    [Fact]
    public void External_ids_are_kept_and_accept_string_escapes()
    {
        var world = WitText.World("package a:b;\ninterface i {\n  @external-id(\"DB.Bar\")\n  resource bar {\n    @external-id(\"baz/1\")\n    baz: func();\n  }\n}\nworld w {\n  @external-id(\"https://esm.sh/x@1\\u{2603}\\41\")\n  import x: func();\n  @external-id(\"db\")\n  import store: i;\n}");
        Assert.Equal("https://esm.sh/x@1\u2603A", world.Imports.Single(item => item.Name == "x").ExternalId);
        var store = Assert.IsType<WitWorldInterfaceItem>(world.Imports.Single(item => item.Name == "store"));
        Assert.Equal("db", store.ExternalId);
        Assert.Equal("DB.Bar", store.Interface.Types.Single().ExternalId);
        Assert.Equal("baz/1", store.Interface.Functions.Single().ExternalId);
    }

    [Fact]
    public void Unterminated_string_is_reported()
        => WitText.ErrorAmong("package a:b;\nworld w {\n  @external-id($$\"abc\n  import x: func();\n}", DiagnosticCodes.InvalidStringLiteral);

    [Fact]
    public void Byte_order_mark_and_crlf_are_accepted()
    {
        var package = WitText.Valid("\uFEFFpackage a:b;\r\ninterface i {\r\n  f: func();\r\n}\r\n");
        Assert.Equal("f", package.Interfaces[0].Functions[0].Name);
    }

    [Fact]
    public void Keywords_need_escaping()
        => WitText.Error("package a:b;\ninterface i {\n  type $$option = u32;\n}", DiagnosticCodes.UnexpectedToken);

    [Fact]
    public void Error_context_list_length_and_map_syntax()
    {
        var i = WitText.Interface("f: func(e: error-context, b: list<u8, 16>, m: map<u32, string>);");
        Assert.Equal(new WitType[] { WitErrorContextType.Instance, new WitListType(WitPrimitiveType.U8, 16), new WitMapType(WitPrimitiveType.U32, WitPrimitiveType.String) },
            i.Functions[0].Parameters.Select(p => p.Type));
    }
}
