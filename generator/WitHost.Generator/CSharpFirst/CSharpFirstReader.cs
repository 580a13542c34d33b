using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WitHost.Generator.Model;
using WitHost.Generator.Binding;
using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// Reads a C# interface marked <c>[WitHost("ns:pkg/iface")]</c> into a <see cref="CSharpFirstInterface"/>:
/// the WIT text of the interface it stands for, and the C# names and types of its methods. Like
/// <see cref="HostSpecParser"/>, this is the only place that looks at the interface's symbols.
/// </summary>
internal static class CSharpFirstReader
{
    public static CSharpFirstInterfaceResult Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (InterfaceDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var identifier = DiagnosticInfoFactory.FromLocation(declaration.Identifier.GetLocation());
        var diagnostics = new List<DiagnosticInfo>();

        // The same declaration checks as for a host class, under the same ids and with the same code fixes.
        HostDeclarationShape.Check(symbol, declaration, diagnostics, cancellationToken);

        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        var parsed = WitInterfaceName.TryParse(name);

        // A name of the right shape whose only fault is a part that is not kebab-case is the
        // analyzers' WITHOST1001, which offers the kebab-case spelling.
        if (parsed is null && !WitInterfaceName.IsMisspelledOnly(name))
        {
            var syntax = (AttributeSyntax?)attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
            var location = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? syntax?.GetLocation() ?? declaration.Identifier.GetLocation();
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.InvalidInterfaceName, DiagnosticInfoFactory.FromLocation(location), name ?? ""));
        }

        var resources = new List<CSharpFirstResource>();
        CSharpTypeReader types = null!;
        types = new CSharpTypeReader((resource, witName) => ReadResource(resource, witName, types, resources, diagnostics, cancellationToken));
        var functions = new List<CSharpFirstFunction>();
        var functionText = new List<string>();
        var functionNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in symbol.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadMember(member, types, functionNames, diagnostics, cancellationToken) is { } function)
            {
                functions.Add(function.Function);
                functionText.Add(function.Text);
            }
        }

        // Types and functions share an interface's names.
        foreach (var function in functions.Where(function => types.IsTypeName(function.WitName)))
        {
            var method = symbol.GetMembers(function.MethodName).First();
            diagnostics.Add(DiagnosticInfoFactory.Create(
                DiagnosticDescriptors.DuplicateWitName,
                DiagnosticInfoFactory.FromLocation(method.Locations[0]),
                "a type",
                function.MethodName,
                function.WitName));
        }

        if (diagnostics.Count > 0 || parsed is null)
        {
            return new CSharpFirstInterfaceResult(null, diagnostics.ToEquatableArray());
        }

        var text = new StringBuilder();
        AppendDocs(text, CSharpDocComment.Summary(declaration));
        text.Append("interface ").Append(WitNames.Escape(parsed.Interface)).Append(" {\n");
        foreach (var definition in types.Definitions)
        {
            foreach (var line in definition.Split('\n'))
            {
                text.Append("  ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        foreach (var function in functionText)
        {
            foreach (var line in function.Split('\n'))
            {
                text.Append("  ").Append(line).Append('\n');
            }
        }

        text.Append("}\n");
        var containingNamespace = symbol.ContainingNamespace.IsGlobalNamespace
            ? ""
            : symbol.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted));
        var result = new CSharpFirstInterface(
            containingNamespace,
            symbol.Name,
            symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            parsed.Package,
            parsed.Interface,
            parsed.QualifiedName,
            text.ToString(),
            functions.ToEquatableArray(),
            resources.ToEquatableArray());
        return new CSharpFirstInterfaceResult(result, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// A resource's WIT definition: its summary, then its methods as <c>[method]</c> functions
    /// (whose <c>self</c> is the object the host's method is called on).
    /// </summary>
    private static string ReadResource(
        INamedTypeSymbol resource,
        string witName,
        CSharpTypeReader types,
        List<CSharpFirstResource> resources,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        AppendDocs(text, CSharpDocComment.Summary(resource.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken)));
        text.Append("resource ").Append(WitNames.Escape(witName)).Append(" {\n");
        var self = CSharpTypeShape.Leaf(resource.ToDisplayString(CSharpTypeReader.Format));
        var methods = new List<CSharpFirstFunction>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in resource.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadMember(member, types, names, diagnostics, cancellationToken) is { } method)
            {
                methods.Add(method.Function with
                {
                    WitName = "[method]" + witName + "." + method.Function.WitName,
                    Parameters = new[] { self }.Concat(method.Function.Parameters).ToEquatableArray(),
                });
                foreach (var line in method.Text.Split('\n'))
                {
                    text.Append("  ").Append(line).Append('\n');
                }
            }
        }

        resources.Add(new CSharpFirstResource(witName, self.CSharpType, methods.ToEquatableArray()));
        return text.Append('}').ToString();
    }

    private static (CSharpFirstFunction Function, string Text)? ReadMember(
        ISymbol member,
        CSharpTypeReader types,
        Dictionary<string, string> functionNames,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        // Members with a body or static members are C# helpers, not part of the contract; so are
        // the accessors of properties and events, which are reported as their property or event.
        if (member.IsStatic || member.IsImplicitlyDeclared || member is IFieldSymbol or INamedTypeSymbol)
        {
            return null;
        }

        var location = DiagnosticInfoFactory.FromLocation(member.Locations[0]);
        if (member is IPropertySymbol or IEventSymbol)
        {
            if (member.IsAbstract)
            {
                diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.MemberHasNoWitForm, location, member.Name, "only methods become WIT functions"));
            }

            return null;
        }

        if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: true } method)
        {
            return null;
        }

        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.MemberHasNoWitForm, location, method.Name, "a WIT function cannot be generic"));
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
        var count = diagnostics.Count;

        // A method returning Task or ValueTask is an async func, and its trailing CancellationToken
        // is the guest's cancellation of the call, not a WIT parameter (as for a .wit file's async
        // func, whose generated methods take one).
        var isAsync = CSharpTypeReader.IsAsyncResult(method.ReturnType, out var asyncResult);
        var witParameters = method.Parameters;
        if (isAsync)
        {
            if (method.Parameters.IsEmpty || !CSharpTypeReader.IsCancellationToken(method.Parameters[method.Parameters.Length - 1].Type))
            {
                diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.MemberHasNoWitForm, location, method.Name, "an async method (one returning Task or ValueTask) takes a CancellationToken as its last parameter, cancelled when the guest cancels the call"));
            }
            else
            {
                witParameters = method.Parameters.RemoveAt(method.Parameters.Length - 1);
            }
        }

        var witName = Name(method, isAsync ? CSharpNames.WithoutAsyncSuffix(method.Name) : method.Name, location, diagnostics);
        if (witName is not null)
        {
            Claim(functionNames, witName, method.Name, location, diagnostics);
        }

        var parameters = new List<(string CSharpName, string Name, WitTypeText Type)>();
        var parameterNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in witParameters)
        {
            var parameterSyntax = syntax?.ParameterList.Parameters[parameter.Ordinal];
            var typeLocation = DiagnosticInfoFactory.FromLocation(parameterSyntax?.Type?.GetLocation() ?? parameter.Locations[0]);
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.TypeHasNoWitForm, typeLocation, parameter.Type.ToDisplayString(CSharpTypeReader.Format), "WIT parameters are passed by value: no ref, out, in or params"));
                continue;
            }

            var parameterLocation = DiagnosticInfoFactory.FromLocation(parameter.Locations[0]);
            var parameterName = Name(parameter, parameter.Name, parameterLocation, diagnostics);
            var type = ReadType(types, parameter.Type, typeLocation, diagnostics);

            // A resource parameter is lent for the call (the caller keeps its handle); anywhere
            // else, in a result or inside another type, a resource is owned (given away).
            if (type is not null && parameter.Type.NullableAnnotation != NullableAnnotation.Annotated && CSharpTypeReader.IsResource(parameter.Type))
            {
                type = type with { Wit = "borrow<" + type.Wit + ">" };
            }

            if (parameterName is not null && type is not null)
            {
                Claim(parameterNames, parameterName, parameter.Name, parameterLocation, diagnostics);
                parameters.Add((parameter.Name, parameterName, type));
            }
        }

        WitTypeText? result = null;
        var resultType = isAsync ? asyncResult : method.ReturnsVoid ? null : method.ReturnType;
        if (resultType is not null)
        {
            result = ReadType(types, resultType, DiagnosticInfoFactory.FromLocation(syntax?.ReturnType.GetLocation() ?? method.Locations[0]), diagnostics);
        }

        if (diagnostics.Count > count || witName is null)
        {
            return null;
        }

        var docs = new StringBuilder();
        AppendDocs(docs, CSharpDocComment.FunctionDocs(syntax, parameters.Select(parameter => (parameter.CSharpName, parameter.Name)).ToList()));
        var text = docs + WitNames.Escape(witName) + (isAsync ? ": async func(" : ": func(") + string.Join(", ", parameters.Select(parameter => WitNames.Escape(parameter.Name) + ": " + parameter.Type.Wit)) + ")"
            + (result is null ? "" : " -> " + result.Wit) + ";";
        var function = new CSharpFirstFunction(
            witName,
            method.Name,
            parameters.Select(parameter => parameter.Type.Shape).ToEquatableArray(),
            result?.Shape)
        {
            ReturnType = method.ReturnType.ToDisplayString(CSharpTypeReader.Format),
            IsAsync = isAsync,
        };
        return (function, text);
    }

    /// <summary>C# doc text as WIT <c>///</c> lines, so the derived WIT, and the code generated from it, keeps it.</summary>
    private static void AppendDocs(StringBuilder text, string? docs)
    {
        if (docs is null)
        {
            return;
        }

        foreach (var line in docs.Split('\n'))
        {
            text.Append(line.Length == 0 ? "///" : "/// " + line).Append('\n');
        }
    }

    private static WitTypeText? ReadType(CSharpTypeReader types, ITypeSymbol type, SourceLocationInfo location, List<DiagnosticInfo> diagnostics)
    {
        try
        {
            return types.Read(type);
        }
        catch (NoWitFormException exception)
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(exception.Descriptor, location, exception.Arguments));
            return null;
        }
    }

    private static string? Name(ISymbol symbol, string csharpName, SourceLocationInfo location, List<DiagnosticInfo> diagnostics)
    {
        try
        {
            return CSharpTypeReader.WitNameOf(symbol, csharpName);
        }
        catch (NoWitFormException exception)
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(exception.Descriptor, location, exception.Arguments));
            return null;
        }
    }

    private static void Claim(Dictionary<string, string> names, string witName, string csharpName, SourceLocationInfo location, List<DiagnosticInfo> diagnostics)
    {
        if (names.TryGetValue(witName, out var other))
        {
            diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.DuplicateWitName, location, other, csharpName, witName));
            return;
        }

        names.Add(witName, csharpName);
    }
}
