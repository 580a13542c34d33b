using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>
/// Resolves a vector's WIT with the project's front end: the declarations become the body of an
/// interface, with the case's type as <c>type vector-type = …</c> and its function type as
/// <c>vector-func: func(…)</c>.
/// </summary>
internal static class VectorWit
{
    public static WitType ResolveType(string declarations, string typeExpression)
    {
        var types = Resolve(declarations, $"type vector-type = {typeExpression};");
        foreach (var type in types.Types)
        {
            if (type.Name == "vector-type")
            {
                return type;
            }
        }

        throw new InvalidOperationException("The resolved interface lost 'vector-type'.");
    }

    public static WitFunction ResolveFunction(string declarations, string functionType)
    {
        var types = Resolve(declarations, $"vector-func: {functionType};");
        foreach (var function in types.Functions)
        {
            if (function.Name == "vector-func")
            {
                return function;
            }
        }

        throw new InvalidOperationException("The resolved interface lost 'vector-func'.");
    }

    private static WitInterface Resolve(string declarations, string extra)
    {
        var text = $"package test:vectors;\n\ninterface types {{\n{declarations}\n{extra}\n}}\n";
        var resolution = WitResolver.ResolveText(text, "vector.wit");
        Assert.False(resolution.HasErrors, "The vector's WIT does not resolve:\n" + string.Join("\n", resolution.Diagnostics) + "\n" + text);
        return resolution.Root!.FindInterface("types")!;
    }
}
