using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Binding;

/// <summary>
/// Whether the generator can add members to a <c>[WitHost]</c> type: every declaration says
/// <c>partial</c> (WITHOST0001) and the type is not nested (WITHOST0002). The host classes and the
/// C#-first interfaces are checked alike.
/// </summary>
internal static class HostDeclarationShape
{
    /// <summary>Adds the shape's problems to <paramref name="diagnostics"/>; true when there are none.</summary>
    /// <param name="type">The attributed type.</param>
    /// <param name="attributed">The declaration that carries the attribute, where the diagnostics point.</param>
    public static bool Check(INamedTypeSymbol type, TypeDeclarationSyntax attributed, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var count = diagnostics.Count;

        // Every declaration must say partial (the compiler's CS0260 covers only some mixes); the
        // diagnostic sits on the attributed one, the others ride along for the code fix.
        var notPartial = type.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .Where(declaration => !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            .OrderBy(declaration => declaration == attributed ? 0 : 1)
            .Select(declaration => DiagnosticInfoFactory.FromLocation(declaration.Identifier.GetLocation()))
            .ToList();
        if (notPartial.Count > 0)
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.HostClassNotPartial, notPartial[0], type.Name) with
            {
                AdditionalLocations = notPartial.Skip(1).ToEquatableArray(),
            });
        }

        if (type.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.HostClassNested, DiagnosticInfoFactory.FromLocation(attributed.Identifier.GetLocation()), type.Name));
        }

        return diagnostics.Count == count;
    }
}
