using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Binding;

/// <summary>
/// Reads a <c>[WitHost]</c> class declaration into a <see cref="HostSpec"/>. This is the only place
/// that looks at symbols and syntax; everything after it works on the equatable spec.
/// </summary>
internal static class HostSpecParser
{
    public static HostSpecResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var attributeLocation = DiagnosticInfoFactory.FromLocation(
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? declaration.Identifier.GetLocation());
        var classLocation = DiagnosticInfoFactory.FromLocation(declaration.Identifier.GetLocation());

        var diagnostics = new List<DiagnosticInfo>();
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.HostClassNotPartial, classLocation, symbol.Name));
        }

        if (symbol.ContainingType is not null)
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.HostClassNested, classLocation, symbol.Name));
        }

        var reported = diagnostics.Count;
        var (imports, exports) = CSharpFirst.HostInterfaceReferences.Read(symbol, diagnostics, cancellationToken);
        var path = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

        // [WitHost] without a path is a world made of C#-first interfaces alone (a bad one was just reported).
        var hasInterfaces = !imports.IsEmpty || !exports.IsEmpty || diagnostics.Count > reported;
        if (path is null ? !hasInterfaces : string.IsNullOrWhiteSpace(path))
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.InvalidWitPath, attributeLocation));
        }

        if (diagnostics.Count > 0)
        {
            return new HostSpecResult(null, diagnostics.ToEquatableArray());
        }

        string? world = null;
        var encoding = StringEncodingKind.Utf8;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case "World":
                    world = argument.Value.Value as string;
                    break;
                case "Encoding" when argument.Value.Value is int value:
                    encoding = (StringEncodingKind)value;
                    break;
            }
        }

        var containingNamespace = symbol.ContainingNamespace.IsGlobalNamespace
            ? ""
            : symbol.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
        var spec = new HostSpec(
            containingNamespace,
            symbol.Name,
            path ?? "",
            declaration.SyntaxTree.FilePath,
            string.IsNullOrEmpty(world) ? null : world,
            encoding,
            attributeLocation)
        {
            CSharpImports = imports,
            CSharpExports = exports,
        };
        return new HostSpecResult(spec, EquatableArray<DiagnosticInfo>.Empty);
    }
}
