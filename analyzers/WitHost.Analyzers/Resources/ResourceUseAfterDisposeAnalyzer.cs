using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace WitHost.Analyzers.Resources;

/// <summary>
/// WITHOST1004: a handle of a guest-exported resource (a type implementing
/// <c>WitHost.IGuestResource</c>) used after it was disposed, where one method's straight-line code
/// and simple branches show it. Disposing drops the guest's resource; a later call with the
/// handle traps. Each method, lambda and local function is checked on its own (<see cref="DisposeFlow"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ResourceUseAfterDisposeAnalyzer : DiagnosticAnalyzer
{
    private const string GuestResourceMetadataName = "WitHost.IGuestResource";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ResourceUsedAfterDispose);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(GuestResourceMetadataName) is { } guestResource)
            {
                start.RegisterOperationBlockAction(block => AnalyzeBlock(block, guestResource));
            }
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, INamedTypeSymbol guestResource)
    {
        foreach (var root in context.OperationBlocks)
        {
            var body = root switch
            {
                IMethodBodyBaseOperation method => (IOperation?)method.BlockBody ?? method.ExpressionBody,
                IBlockOperation block => block,
                _ => null,
            };
            if (body is null)
            {
                continue;
            }

            Analyze(context, guestResource, context.OwningSymbol, body);

            // Lambdas and local functions run whenever they are called: each is its own flow, over its own locals.
            foreach (var function in body.Descendants())
            {
                var (symbol, functionBody) = function switch
                {
                    IAnonymousFunctionOperation lambda => ((ISymbol?)lambda.Symbol, (IOperation?)lambda.Body),
                    ILocalFunctionOperation local => (local.Symbol, (IOperation?)local.Body ?? local.IgnoredBody),
                    _ => (null, null),
                };
                if (symbol is not null && functionBody is not null)
                {
                    Analyze(context, guestResource, symbol, functionBody);
                }
            }
        }
    }

    private static void Analyze(OperationBlockAnalysisContext context, INamedTypeSymbol guestResource, ISymbol function, IOperation body)
    {
        var flow = new DisposeFlow(
            variable => IsTracked(variable, function, guestResource),
            reference => context.ReportDiagnostic(Diagnostic.Create(Descriptors.ResourceUsedAfterDispose, reference.Syntax.GetLocation(), VariableOf(reference)!.Name)),
            context.CancellationToken);
        flow.Run(body);
    }

    /// <summary>A local or by-value parameter of <paramref name="function"/> whose type is a guest resource.</summary>
    private static bool IsTracked(ISymbol variable, ISymbol function, INamedTypeSymbol guestResource)
    {
        var type = variable switch
        {
            ILocalSymbol { RefKind: RefKind.None } local => local.Type,
            IParameterSymbol { RefKind: RefKind.None } parameter => parameter.Type,
            _ => null,
        };
        return type is not null
            && SymbolEqualityComparer.Default.Equals(variable.ContainingSymbol, function)
            && (SymbolEqualityComparer.Default.Equals(type, guestResource) || type.AllInterfaces.Contains(guestResource, SymbolEqualityComparer.Default));
    }

    internal static ISymbol? VariableOf(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };
}
