using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WitHost.Analyzers.CodeFixes;

/// <summary>
/// Replaces the diagnosed string literal with a name the analyzer proposed: the closest existing
/// world (WITHOST0004) or interface (WITHOST1002), or the kebab-case spelling (WITHOST1001). One
/// action per proposal, best first; none when the argument is not a literal (a constant elsewhere).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceWitNameCodeFixProvider))]
[Shared]
public sealed class ReplaceWitNameCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.WorldNotFound,
        DiagnosticIds.InvalidWitName,
        DiagnosticIds.InterfaceNotFound);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            for (var i = 0; diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement(i), out var replacement) && replacement is not null; i++)
            {
                var text = replacement;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{text}'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, StringLiteral(text).WithTriviaFrom(literal)))),
                        // The first proposal is what "fix all" applies.
                        equivalenceKey: nameof(ReplaceWitNameCodeFixProvider) + i),
                    diagnostic);
            }
        }
    }

    internal static LiteralExpressionSyntax StringLiteral(string text)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
}
