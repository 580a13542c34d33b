using WitHost.Wit.Model;

namespace WitHost.Cli.Abi;

/// <summary>Functions and types as the ABI report and the C header's comments name them.</summary>
internal static class WitSignatureText
{
    /// <summary><c>[method]parser.stats: func(self: borrow&lt;parser&gt;) -> u32</c>.</summary>
    public static string Of(WitFunction function)
        => $"{function.ExternalName}: func({string.Join(", ", function.Parameters.Select(p => $"{p.Name}: {Of(p.Type)}"))}){(function.Result is { } result ? " -> " + Of(result) : "")}";

    /// <summary>A named type with its interface (<c>shapes.point</c>), any other as WIT writes it.</summary>
    public static string Of(WitType type)
        => type is WitNamedType named && named.Owner.Kind == WitOwnerKind.Interface ? $"{named.Owner.InterfaceName}.{named.Name}" : type.ToString();
}
