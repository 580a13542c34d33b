using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using WitHost.Analyzers.Names;

namespace WitHost.Analyzers.Hosts;

/// <summary>Reports about a WIT name written in <c>[WitHost]</c>, with the replacements a code fix offers.</summary>
internal static class NameReport
{
    /// <summary>Reports WITHOST1001 when an identifier of <paramref name="name"/> is not kebab-case; true when it is valid.</summary>
    public static bool CheckSpelling(SymbolAnalysisContext context, WitQualifiedName name, ExpressionSyntax? syntax)
    {
        if (WitNameRepair.Check(name) is not { } problem)
        {
            return true;
        }

        var replacements = problem.Repaired is null ? Array.Empty<string>() : new[] { problem.Repaired };
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.InvalidWitName,
            syntax?.GetLocation(),
            Replacements(replacements),
            name.ToString(),
            problem.Reason,
            problem.Repaired is null ? "; WIT names are kebab-case, e.g. 'my-name'" : $"; did you mean '{problem.Repaired}'?"));
        return false;
    }

    /// <summary>Reports <paramref name="descriptor"/> (a world or interface that does not exist) with the closest known names.</summary>
    public static void ReportUnknown(
        SymbolAnalysisContext context,
        DiagnosticDescriptor descriptor,
        ExpressionSyntax? syntax,
        string name,
        string packageName,
        IReadOnlyList<string> known,
        IReadOnlyList<string> suggestions)
    {
        var hint = suggestions.Count == 0 ? "" : "; did you mean " + string.Join(" or ", suggestions.Select(suggestion => $"'{suggestion}'")) + "?";
        context.ReportDiagnostic(Diagnostic.Create(
            descriptor,
            syntax?.GetLocation(),
            Replacements(suggestions),
            name,
            packageName,
            known.Count == 0 ? "none" : string.Join(", ", known),
            hint));
    }

    /// <summary>The replacement texts as diagnostic properties, best first.</summary>
    public static ImmutableDictionary<string, string?> Replacements(IReadOnlyList<string> replacements)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        for (var i = 0; i < replacements.Count; i++)
        {
            builder.Add(DiagnosticProperties.Replacement(i), replacements[i]);
        }

        return builder.ToImmutable();
    }
}
