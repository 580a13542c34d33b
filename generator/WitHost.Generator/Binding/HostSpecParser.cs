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
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var attributeLocation = DiagnosticInfoFactory.FromLocation(attributeSyntax?.GetLocation() ?? declaration.Identifier.GetLocation());
        var arguments = attributeSyntax is null ? null : new HostAttributeArguments(attribute, attributeSyntax);

        var diagnostics = new List<DiagnosticInfo>();

        // A host the generator cannot add members to still gets its world's types and interfaces,
        // so the code that uses them compiles and the diagnostic is not buried under CS0246s.
        var isExtensible = HostDeclarationShape.Check(symbol, declaration, diagnostics, cancellationToken);

        var reported = diagnostics.Count;
        var (imports, exports) = CSharpFirst.HostInterfaceReferences.Read(symbol, diagnostics, cancellationToken);
        var path = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

        // [WitHost] without a path is a world made of C#-first interfaces alone (a bad one was just reported).
        var hasInterfaces = !imports.IsEmpty || !exports.IsEmpty || diagnostics.Count > reported;
        if (path is null ? !hasInterfaces : string.IsNullOrWhiteSpace(path))
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.InvalidWitPath, attributeLocation));
        }

        if (diagnostics.Count > reported)
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
            IsExtensible = isExtensible,
            PathLocation = ArgumentLocation(arguments?.PathSyntax),
            WorldLocation = ArgumentLocation(arguments?.WorldSyntax),
        };
        return new HostSpecResult(spec, diagnostics.ToEquatableArray());
    }

    private static SourceLocationInfo? ArgumentLocation(ExpressionSyntax? argument)
        => argument is null ? null : DiagnosticInfoFactory.FromLocation(argument.GetLocation());
}
