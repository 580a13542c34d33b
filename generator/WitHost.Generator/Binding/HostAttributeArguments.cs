using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WitHost.Generator.Binding;

/// <summary>The arguments of one <c>[WitHost]</c> application, with the syntax each came from (where diagnostics go).</summary>
internal sealed class HostAttributeArguments
{
    public HostAttributeArguments(AttributeData attribute, AttributeSyntax syntax)
    {
        Syntax = syntax;
        Path = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == "World")
            {
                WorldSyntax = argument.Expression;
            }
            else if (argument.NameEquals is null && argument.NameColon is null or { Name.Identifier.ValueText: "path" })
            {
                PathSyntax ??= argument.Expression;
            }
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "World")
            {
                World = argument.Value.Value as string;
            }
        }
    }

    /// <summary>The attribute as written.</summary>
    public AttributeSyntax Syntax { get; }

    /// <summary>The first argument: a .wit path, or in the C#-first form the WIT interface name; null when not a constant.</summary>
    public string? Path { get; }

    public ExpressionSyntax? PathSyntax { get; }

    /// <summary>The <c>World</c> argument, or null when left out.</summary>
    public string? World { get; }

    public ExpressionSyntax? WorldSyntax { get; }
}
