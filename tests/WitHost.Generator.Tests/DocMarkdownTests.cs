using WitHost.Generator.Emitting;

namespace WitHost.Generator.Tests;

/// <summary>The Markdown code of WIT doc comments as XML doc elements.</summary>
public sealed class DocMarkdownTests
{
    [Theory]
    [InlineData("Opens `path`.", "Opens <c>path</c>.")]
    [InlineData("`a` and `b`", "<c>a</c> and <c>b</c>")]
    [InlineData("``a ` b``", "<c>a ` b</c>")]
    [InlineData("`` `x` ``", "<c>`x`</c>")]
    [InlineData("`a<b> & \"c\"`", "<c>a&lt;b&gt; &amp; &quot;c&quot;</c>")]
    [InlineData("a < b & c", "a &lt; b &amp; c")]
    [InlineData("one ` alone", "one ` alone")]
    [InlineData("``a` unmatched by length", "``a` unmatched by length")]
    [InlineData("`spans\nlines`", "<c>spans\nlines</c>")]
    [InlineData("`no span\n\nacross paragraphs`", "`no span\n\nacross paragraphs`")]
    public void CodeSpansBecomeCElements(string docs, string xml)
        => Assert.Equal(xml, DocMarkdown.ToXml(docs));

    [Fact]
    public void FencedBlockBecomesCodeElement()
        => Assert.Equal(
            "Before:\n<code>\nif a &lt; b { `x` }\n  indented\n</code>\nafter <c>y</c>.",
            DocMarkdown.ToXml("Before:\n```wit\nif a < b { `x` }\n  indented\n```\nafter `y`."));

    [Fact]
    public void UnclosedFenceStaysLiteral()
        => Assert.Equal("```\nnot code &amp; <c>c</c>", DocMarkdown.ToXml("```\nnot code & `c`"));
}
