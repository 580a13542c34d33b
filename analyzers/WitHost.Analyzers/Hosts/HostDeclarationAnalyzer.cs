using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using WitHost.Analyzers.Wit;

namespace WitHost.Analyzers.Hosts;

/// <summary>
/// Checks each <c>[WitHost]</c> declaration: the type's shape (WITHOST0001, 0002), the WIT it
/// reads (WITHOST0003), the world or interface it names (WITHOST0004, 0005, 1002) and the spelling
/// of those names (WITHOST1001). The project's WIT is resolved once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HostDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.HostTypeNotPartial,
        Descriptors.HostTypeNested,
        Descriptors.WitPathNotInAdditionalFiles,
        Descriptors.WorldNotFound,
        Descriptors.WorldNotSpecified,
        Descriptors.InvalidWitName,
        Descriptors.InterfaceNotFound);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (WitHostSymbols.GetAttribute(start.Compilation) is not { } attribute)
            {
                return;
            }

            var wit = new ProjectWit(start.Options.AdditionalFiles, ProjectWit.ProjectDirectoryOf(start.Options), start.CancellationToken);
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, attribute, wit), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attributeType, ProjectWit wit)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (WitHostSymbols.FindOn(type, attributeType) is not { } attribute
            || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax attributeSyntax
            || attributeSyntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } attributedDeclaration)
        {
            return;
        }

        CheckShape(context, type, attributedDeclaration);
        var host = new HostAttributeArguments(attribute, attributeSyntax);
        if (host.Path is null)
        {
            return;
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            // The C#-first form names the WIT interface the C# interface defines; it reads no .wit file.
            InterfaceNameCheck.Run(context, host, wit);
        }
        else
        {
            WorldCheck.Run(context, host, wit, attributedDeclaration.SyntaxTree.FilePath);
        }
    }

    private static void CheckShape(SymbolAnalysisContext context, INamedTypeSymbol type, TypeDeclarationSyntax attributedDeclaration)
    {
        // Every declaration must say partial (the compiler's CS0260 covers only some mixes); the
        // diagnostic sits on the attributed one, the others ride along for the code fix.
        var notPartial = type.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(context.CancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .Where(declaration => !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            .OrderBy(declaration => declaration == attributedDeclaration ? 0 : 1)
            .Select(declaration => declaration.Identifier.GetLocation())
            .ToList();
        if (notPartial.Count > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HostTypeNotPartial, notPartial[0], notPartial.Skip(1), type.Name));
        }

        if (type.ContainingType is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HostTypeNested, attributedDeclaration.Identifier.GetLocation(), type.Name));
        }
    }
}
