using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using WitHost.Analyzers.Wit;
using WitHost.Generator.Binding;

namespace WitHost.Analyzers.Hosts;

/// <summary>
/// Checks the C#-first form of <c>[WitHost]</c>: the WIT interface it names exists (WITHOST1002) and
/// is spelt as WIT spells names (WITHOST1001). The project's WIT is resolved once per compilation.
/// The checks of a host declaration (WITHOST0001–0005) are the generator's: it reports them in
/// every build, also one that has C# errors, when the compiler runs no analyzer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HostDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
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
        if (type.TypeKind != TypeKind.Interface
            || WitHostSymbols.FindOn(type, attributeType) is not { } attribute
            || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax attributeSyntax)
        {
            return;
        }

        // The C#-first form names the WIT interface the C# interface defines; it reads no .wit file.
        var host = new HostAttributeArguments(attribute, attributeSyntax);
        if (host.Path is not null)
        {
            InterfaceNameCheck.Run(context, host, wit);
        }
    }
}
