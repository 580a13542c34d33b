using WitHost.Wit.Diagnostics;

namespace WitHost.Wit.Tests;

/// <summary>After an error the front end keeps going and reports the other problems too.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void Syntax_errors_in_separate_items_are_all_reported()
    {
        var resolution = WitResolver.ResolveText("""
            package a:b;
            interface one {
              f: func() u32;
              g: func(x: ) -> u8;
              record ok { x: u8 }
            }
            interface two {
              type t = list<u8;
            }
            world w { import one; import nope; }
            """, "r.wit");

        Assert.Equal(
            new[] { (DiagnosticCodes.UnexpectedToken, 3, 13), (DiagnosticCodes.UnexpectedToken, 4, 14), (DiagnosticCodes.UnexpectedToken, 8, 19), (DiagnosticCodes.UnknownInterfaceOrWorld, 10, 30) },
            resolution.Diagnostics.Select(d => (d.Code, d.Span.Line, d.Span.Column)));
        Assert.Equal("ok", resolution.Root!.FindInterface("one")!.Types.Single().Name);
    }

    [Fact]
    public void Resolution_errors_do_not_hide_each_other()
    {
        var resolution = WitResolver.ResolveText("""
            package a:b;
            interface i {
              type a = missing;
              type b = own<a>;
              f: func() -> also-missing;
              enum e {}
            }
            """, "r.wit");

        Assert.Equal(
            new[] { DiagnosticCodes.UnknownType, DiagnosticCodes.UnknownType, DiagnosticCodes.EmptyType },
            resolution.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Spans_cover_the_offending_text()
    {
        var diagnostic = Assert.Single(WitResolver.ResolveText("package a:b;\ninterface i {\n  type t = unknown-name;\n}", "s.wit").Diagnostics);
        Assert.Equal((3, 12, 3, 24), (diagnostic.Span.Line, diagnostic.Span.Column, diagnostic.Span.EndLine, diagnostic.Span.EndColumn));
        Assert.Equal("unknown-name".Length, diagnostic.Span.Length);
        Assert.Equal("s.wit(3,12): error WIT0309: type `unknown-name` does not exist", diagnostic.ToString());
    }
}
