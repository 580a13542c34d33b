using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WitHost.Generator.CSharpFirst;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests.CSharpFirst;

/// <summary>The summary of a C# doc comment as the Markdown of a WIT doc comment.</summary>
public sealed class CSharpDocCommentTests
{
    [Theory]
    [InlineData("/// <summary>Plain.</summary>", "Plain.")]
    [InlineData("/// Text without tags.", "Text without tags.")]
    [InlineData("/// <summary>\n/// Two\n/// lines.\n/// </summary>", "Two\nlines.")]
    [InlineData("/// <summary><see langword=\"null\"/> or <see cref=\"T:A.B\"/> or <see cref=\"C\">the C</see></summary>", "`null` or `A.B` or the C")]
    [InlineData("/// <summary>Uses <paramref name=\"value\"/> and <c>a &lt; b</c>.</summary>", "Uses `value` and `a < b`.")]
    [InlineData("/// <summary>One.<para>Two.</para></summary>", "One.\n\nTwo.")]
    [InlineData("/// <summary><c>a`b</c></summary>", "``a`b``")]
    [InlineData("/// <summary>\n/// Before:\n/// <code>\n/// x &lt; y\n/// </code>\n/// </summary>", "Before:\n\n```\nx < y\n```")]
    [InlineData("/// <summary>Not <c>closed</summary>", null)]
    [InlineData("// A plain comment.", null)]
    [InlineData("//// Four slashes.", null)]
    [InlineData("/// <remarks>Only remarks.</remarks>", null)]
    public void TheSummaryBecomesMarkdown(string comment, string? markdown)
    {
        foreach (var mode in new[] { DocumentationMode.Diagnose, DocumentationMode.None })
        {
            var member = SyntaxFactory.ParseMemberDeclaration(comment + "\nvoid M();", options: GeneratorHarness.ParseOptions.WithDocumentationMode(mode))!;
            Assert.Equal(markdown, CSharpDocComment.Summary(member));
        }
    }

    [Theory]
    [InlineData("/// <summary>Reads.</summary>\n/// <param name=\"maxCount\">At most <c>n</c>\n/// items.</param>\n/// <returns>The items.</returns>",
        "Reads.\n\nParameters:\n- `max-count`: At most `n`\n  items.\n\nReturns: The items.")]
    [InlineData("/// <param name=\"other\">Not a parameter.</param>\n/// <param name=\"maxCount\">Only this.</param>", "Parameters:\n- `max-count`: Only this.")]
    [InlineData("/// <returns>Only the result.</returns>", "Returns: Only the result.")]
    [InlineData("/// <remarks>Nothing carried.</remarks>", null)]
    public void ParametersAndResultFollowTheSummaryUnderTheirWitNames(string comment, string? markdown)
    {
        var member = SyntaxFactory.ParseMemberDeclaration(comment + "\nint[] Read(int maxCount);", options: GeneratorHarness.ParseOptions)!;
        Assert.Equal(markdown, CSharpDocComment.FunctionDocs(member, [("maxCount", "max-count")]));
    }
}
