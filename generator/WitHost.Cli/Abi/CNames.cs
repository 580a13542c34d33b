using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Cli.Abi;

/// <summary>
/// The C names a header gives a world's types and functions: snake_case from WIT's kebab-case,
/// <c>_t</c> for types, the interface's short name in front of what an interface holds, and
/// structural names for anonymous types (<c>list_string_t</c>, <c>option_shapes_point_t</c>).
/// </summary>
internal static class CNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
        "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
        "volatile", "while", "bool", "true", "false",
    };

    /// <summary>A WIT identifier as a C identifier: kebab-case to snake_case, a C keyword gets a trailing <c>_</c>.</summary>
    public static string Identifier(string witName)
    {
        var name = witName.Replace('-', '_');
        return Keywords.Contains(name) ? name + "_" : name;
    }

    /// <summary><c>[method]parser.stats</c> → <c>method_parser_stats</c>; a plain function name stays as it is.</summary>
    public static string Function(WitFunction function) => function.Kind switch
    {
        WitFunctionKind.Constructor => "constructor_" + Identifier(function.Resource!.Name),
        WitFunctionKind.Method => "method_" + Identifier(function.Resource!.Name) + "_" + Identifier(function.Name),
        WitFunctionKind.Static => "static_" + Identifier(function.Resource!.Name) + "_" + Identifier(function.Name),
        _ => Identifier(function.Name),
    };

    /// <summary><c>wasi:io/streams@0.2.0</c> → <c>streams</c>.</summary>
    public static string InterfaceShortName(string itemName) => Identifier(Calls.ExportNames.ShortInterfaceName(itemName));

    /// <summary>The C type a value of <paramref name="type"/> is stored as.</summary>
    public static string Type(WitType type) => Stem(type.Unaliased) is var stem && IsScalar(type.Unaliased) ? stem : stem + "_t";

    /// <summary>
    /// True for the types a C scalar holds exactly (integers, floats, <c>bool</c>, <c>char</c> and
    /// handles); their C name has no <c>_t</c> of ours.
    /// </summary>
    public static bool IsScalar(WitType type) => type.Unaliased switch
    {
        WitPrimitiveType { Kind: WitPrimitiveKind.String } => false,
        WitPrimitiveType => true,
        WitHandleType or WitResourceType or WitFutureType or WitStreamType or WitErrorContextType => true,
        _ => false,
    };

    /// <summary>The C type of one flat core value.</summary>
    public static string Core(CoreValueType type) => type.Kind switch
    {
        CoreValueKind.I64 => "int64_t",
        CoreValueKind.F32 => "float",
        CoreValueKind.F64 => "double",
        _ => "int32_t",
    };

    private static string Stem(WitType type) => type switch
    {
        WitPrimitiveType primitive => primitive.Kind switch
        {
            WitPrimitiveKind.Bool => "bool",
            WitPrimitiveKind.S8 => "int8_t",
            WitPrimitiveKind.U8 => "uint8_t",
            WitPrimitiveKind.S16 => "int16_t",
            WitPrimitiveKind.U16 => "uint16_t",
            WitPrimitiveKind.S32 => "int32_t",
            WitPrimitiveKind.U32 => "uint32_t",
            WitPrimitiveKind.S64 => "int64_t",
            WitPrimitiveKind.U64 => "uint64_t",
            WitPrimitiveKind.F32 => "float",
            WitPrimitiveKind.F64 => "double",
            WitPrimitiveKind.Char => "uint32_t",
            _ => "string",
        },
        // A handle, future, stream or error-context is its i32 table index.
        WitHandleType or WitResourceType or WitFutureType or WitStreamType or WitErrorContextType => "int32_t",
        WitNamedType named => Owner(named.Owner) + "_" + Identifier(named.Name),
        WitListType { Length: { } length } fixedList => $"list{length}_{Mangled(fixedList.Element)}",
        WitListType list => "list_" + Mangled(list.Element),
        WitMapType map => "map_" + Mangled(map.Key) + "_" + Mangled(map.Value),
        WitOptionType option => "option_" + Mangled(option.Payload),
        WitResultType result => "result_" + (result.Ok is null ? "void" : Mangled(result.Ok)) + "_" + (result.Err is null ? "void" : Mangled(result.Err)),
        WitTupleType tuple => $"tuple{tuple.Elements.Count}_" + string.Join("_", tuple.Elements.Select(Mangled)),
        _ => throw new ArgumentException($"no C name for {type}", nameof(type)),
    };

    /// <summary>A type's name inside another's: the stem, with the <c>_t</c>-less scalars spelt as WIT does.</summary>
    private static string Mangled(WitType type)
        => type.Unaliased switch
        {
            WitPrimitiveType primitive => primitive.ToString(),
            WitHandleType handle => (handle.Kind == WitHandleKind.Own ? "own_" : "borrow_") + Identifier(handle.Resource.Name),
            WitResourceType resource => "own_" + Identifier(resource.Name),
            var other when IsScalar(other) => Identifier(other.GetType().Name.Replace("Wit", "").Replace("Type", "").ToLowerInvariant()),
            var other => Stem(other),
        };

    private static string Owner(WitOwner owner)
        => owner.Kind == WitOwnerKind.World ? Identifier(owner.WorldName!) : Identifier(owner.InterfaceName!);
}
