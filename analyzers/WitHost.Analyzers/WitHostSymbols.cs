using Microsoft.CodeAnalysis;

namespace WitHost.Analyzers;

/// <summary>Finds <c>[WitHost]</c> (generated into each compilation as <c>WitHost.WitHostAttribute</c>).</summary>
internal static class WitHostSymbols
{
    public const string AttributeMetadataName = "WitHost.WitHostAttribute";

    /// <summary>The attribute type of <paramref name="compilation"/>, or null when the generator is not in use.</summary>
    public static INamedTypeSymbol? GetAttribute(Compilation compilation) => compilation.GetTypeByMetadataName(AttributeMetadataName);

    /// <summary>The <c>[WitHost]</c> application on <paramref name="type"/>, or null.</summary>
    public static AttributeData? FindOn(ISymbol type, INamedTypeSymbol attribute)
    {
        foreach (var data in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return data;
            }
        }

        return null;
    }
}
