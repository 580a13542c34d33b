using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WitHost.Analyzers.CodeFixes;

/// <summary>WITHOST0005: adds <c>World = "…"</c> to the attribute, one action per world of the package.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddWorldCodeFixProvider))]
[Shared]
public sealed class AddWorldCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WorldNotSpecified);

    // Which world is a choice per host; fixing all at once would pick for the user.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span) is not AttributeSyntax { ArgumentList: { } arguments } attribute)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            for (var i = 0; diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement(i), out var world) && world is not null; i++)
            {
                var withWorld = attribute.WithArgumentList(arguments.WithArguments(Append(arguments.Arguments, WorldArgument(world))));
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use the world '{world}'",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, withWorld))),
                        equivalenceKey: nameof(AddWorldCodeFixProvider) + world),
                    diagnostic);
            }
        }
    }

    private static AttributeArgumentSyntax WorldArgument(string world)
        => SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(
                SyntaxFactory.IdentifierName("World"),
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space))),
            null,
            ReplaceWitNameCodeFixProvider.StringLiteral(world));

    private static SeparatedSyntaxList<AttributeArgumentSyntax> Append(SeparatedSyntaxList<AttributeArgumentSyntax> list, AttributeArgumentSyntax argument)
    {
        var separators = list.GetSeparators().ToList();
        if (list.Count > 0)
        {
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        return SyntaxFactory.SeparatedList(list.Append(argument), separators);
    }
}
