using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WitHost.Generator.Model;
using WitHost.Generator.Binding;
using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>Reads a host class's <c>[WitImport(typeof(I))]</c> and <c>[WitExport(typeof(I))]</c> attributes.</summary>
internal static class HostInterfaceReferences
{
    /// <summary>The fully qualified names of the imported and exported C#-first interfaces; a type that is not one is reported.</summary>
    public static (EquatableArray<string> Imports, EquatableArray<string> Exports) Read(
        INamedTypeSymbol host,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var imports = new List<string>();
        var exports = new List<string>();
        foreach (var attribute in host.GetAttributes())
        {
            var target = attribute.AttributeClass?.ToDisplayString() switch
            {
                WitHostAttributeSource.ImportAttributeMetadataName => imports,
                WitHostAttributeSource.ExportAttributeMetadataName => exports,
                _ => null,
            };
            if (target is null || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var type = attribute.ConstructorArguments[0].Value as INamedTypeSymbol;
            if (type is not { TypeKind: TypeKind.Interface } || !type.GetAttributes().Any(IsWitHost))
            {
                var syntax = (AttributeSyntax?)attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
                var location = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? syntax?.GetLocation() ?? host.Locations[0];
                diagnostics.Add(DiagnosticInfoFactory.Create(
                    DiagnosticDescriptors.NotACSharpFirstInterface,
                    DiagnosticInfoFactory.FromLocation(location),
                    type?.ToDisplayString() ?? "?"));
                continue;
            }

            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (!target.Contains(name))
            {
                target.Add(name);
            }
        }

        return (imports.ToEquatableArray(), exports.ToEquatableArray());
    }

    private static bool IsWitHost(AttributeData attribute) => attribute.AttributeClass?.ToDisplayString() == WitHostAttributeSource.AttributeMetadataName;
}
