using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace WitHost.Analyzers.Imports;

/// <summary>
/// WITHOST1003: an import of a generated host set to <c>null</c>, <c>null!</c>, <c>default</c> or
/// <c>default!</c>. The generated <c>Imports</c> properties are <c>required</c>, so the compiler
/// already rejects one left out; this catches the ones filled in with nothing (the <c>!</c>
/// silences the nullable warning but the guest's first call into the import still fails).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImportWithoutImplementationAnalyzer : DiagnosticAnalyzer
{
    // The name of the nested class HostEmitter generates for a host's imports.
    private const string ImportsClassName = "Imports";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ImportWithoutImplementation);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (WitHostSymbols.GetAttribute(start.Compilation) is { } attribute)
            {
                start.RegisterOperationAction(operation => AnalyzeAssignment(operation, attribute), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol attribute)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || property.ContainingType is not { Name: ImportsClassName, ContainingType: { } host }
            || WitHostSymbols.FindOn(host, attribute) is null
            || !IsNull(assignment.Value)
            || assignment.Syntax is not AssignmentExpressionSyntax syntax)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.ImportWithoutImplementation, syntax.Right.GetLocation(), property.Name, host.Name));
    }

    private static bool IsNull(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value is IDefaultValueOperation || value.ConstantValue is { HasValue: true, Value: null };
    }
}
