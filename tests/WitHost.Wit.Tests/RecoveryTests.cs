using System.Text;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Tests.TestSupport;

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

    [Fact]
    public void A_stray_closing_brace_at_top_level_is_skipped()
    {
        var resolution = WitResolver.ResolveText("package foo:}foo;\ninterface f import foo;\n}\nworld b {\n  include x with { a:b/c as d }", "r.wit");
        Assert.True(resolution.HasErrors);
        Assert.Contains(resolution.Diagnostics, d => (d.Code, d.Span.Line, d.Span.Column) == (DiagnosticCodes.UnexpectedToken, 1, 13));
    }

    [Fact]
    public void Mangled_input_never_throws()
    {
        // Deterministic mutations of real WIT: every run must end with diagnostics, not an exception or a hang.
        var corpus = Directory.GetFiles(SharedWit.WitFolder("wasi-0.2"), "*.wit", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        string[] snippets = { "{", "}", "(", ")", "<", ">", ";", ",", "use ", "type ", "resource ", "@since(version = 1.0.0)", "borrow<", "%", "\"", "/*", "include ", "with {", "package c:d {", ":", "/", "@" };
        var random = new Random(12345);
        for (var i = 0; i < 300; i++)
        {
            var text = new StringBuilder(corpus[random.Next(corpus.Count)]);
            for (var edit = random.Next(1, 6); edit > 0 && text.Length > 0; edit--)
            {
                var position = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(position, Math.Min(random.Next(1, 20), text.Length - position));
                        break;
                    case 1:
                        text.Insert(position, snippets[random.Next(snippets.Length)]);
                        break;
                    default:
                        text.Insert(position, (char)random.Next(0, 0x3000));
                        break;
                }
            }

            var resolution = WitResolver.ResolveText(text.ToString(), "mangled.wit", new WitResolverOptions { AllFeatures = i % 2 == 0 });
            Assert.All(resolution.Diagnostics, diagnostic => Assert.Equal("mangled.wit", diagnostic.Span.Path));
        }
    }
}
