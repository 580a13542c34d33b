using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// Maps WIT types to C# type names (fully qualified with <c>global::</c>, so generated code means
/// the same in any namespace). The mapping, documented in docs/generator.md:
/// primitives to the C# primitive of the same width, <c>char</c> to <c>System.Text.Rune</c>,
/// <c>list&lt;u8&gt;</c> to <c>byte[]</c>, other lists to arrays, tuples to value tuples,
/// <c>option&lt;T&gt;</c> to <c>T?</c> (or <c>WitHost.Option&lt;T&gt;</c> when T is itself an option),
/// <c>result</c> to <c>WitHost.Result&lt;T, E&gt;</c> with <c>WitHost.Unit</c> for an absent side,
/// <c>map</c> to <c>IReadOnlyDictionary</c>, named types to their generated declarations, handles
/// of imported resources to the resource's host interface, and handles of exported resources (the
/// guest implements them) to the resource's generated handle class; <c>stream&lt;T&gt;</c> to
/// <c>WitStream&lt;T&gt;</c>, <c>future&lt;T&gt;</c> to <c>Task&lt;T&gt;</c> (<c>future</c> to
/// <c>Task</c>) and <c>error-context</c> to <c>ErrorContext</c>, of the runtime's async layer.
/// </summary>
internal sealed class TypeMapper
{
    private const string RuntimeNamespace = "global::WitHost.";
    private const string AsyncNamespace = "global::WitHost.Wamr.Async.";
    private const int MaxFlags = 64;

    private readonly HashSet<string> _importedScopes;
    private readonly IReadOnlyDictionary<string, string> _exportSideNamespaces;
    private readonly IReadOnlyCollection<string> _multiVersionPackages;
    private readonly Dictionary<WitNamedType, string?> _unsupportedNamedTypes = new();

    /// <param name="importedScopes">The scope keys of the interfaces (and world) the world imports:
    /// their resources are host interfaces.</param>
    /// <param name="multiVersionPackages">The packages (<c>ns:name</c>, without version) of which the
    /// host's WIT holds more than one version: their namespaces carry the version.</param>
    /// <param name="exportSideNamespaces">Null for the import side of a world. For its export side:
    /// the interfaces the world both imports and exports (scope key → the namespace of their export
    /// side), whose types this mapper maps to that namespace and whose resources to handle classes.</param>
    public TypeMapper(HashSet<string> importedScopes, IReadOnlyCollection<string> multiVersionPackages, IReadOnlyDictionary<string, string>? exportSideNamespaces = null)
    {
        _importedScopes = importedScopes;
        _multiVersionPackages = multiVersionPackages;
        _exportSideNamespaces = exportSideNamespaces ?? new Dictionary<string, string>();
    }

    /// <summary>The key of the suffix that makes a scope key name the export side of an interface the world also imports.</summary>
    public const string ExportSideKeySuffix = "#export-side";

    /// <summary>The C# type of a value of <paramref name="type"/>.</summary>
    /// <exception cref="UnsupportedConstructException">The type uses something not supported yet.</exception>
    public string Map(WitType type) => type switch
    {
        WitPrimitiveType primitive => MapPrimitive(primitive.Kind),
        WitListType list when IsBytes(list) => "byte[]",
        WitListType list => Map(list.Element) + "[]",
        WitTupleType tuple => MapTuple(tuple),
        WitOptionType option => MapOption(option),
        WitResultType result => RuntimeNamespace + "Result<" + MapOrUnit(result.Ok) + ", " + MapOrUnit(result.Err) + ">",
        WitMapType map => "global::System.Collections.Generic.IReadOnlyDictionary<" + Map(map.Key) + ", " + Map(map.Value) + ">",
        WitHandleType handle => MapResource(handle.Resource),
        WitResourceType resource => MapResource(resource),
        WitAliasType alias => Map(alias.Target),
        WitNamedType named => MapDeclared(named),
        WitFutureType { Payload: null } => "global::System.Threading.Tasks.Task",
        WitFutureType future => "global::System.Threading.Tasks.Task<" + Map(future.Payload) + ">",
        WitStreamType stream => AsyncNamespace + "WitStream<" + MapOrUnit(stream.Payload) + ">",
        WitErrorContextType => AsyncNamespace + "ErrorContext",
        _ => throw new UnsupportedConstructException(type.GetType().Name),
    };

    /// <summary>The C# name a declared type (record, variant, enum, flags) gets, fully qualified.</summary>
    public string DeclaredName(WitNamedType type)
        => "global::" + TypesNamespace(type.Owner) + "." + CSharpNames.ToPascalCase(type.Name);

    /// <summary>
    /// The namespace of the types of <paramref name="owner"/> on this mapper's side: the export side
    /// of an interface the world also imports has a namespace of its own (docs/generator.md).
    /// </summary>
    public string TypesNamespace(WitOwner owner)
        => _exportSideNamespaces.TryGetValue(ScopeKeys.For(owner), out var exportSide) ? exportSide : CSharpNames.TypesNamespace(owner, HasVersionedNamespace(owner));

    /// <summary>The namespace of the host interface of <paramref name="owner"/>.</summary>
    public string HostInterfaceNamespace(WitOwner owner) => CSharpNames.HostInterfaceNamespace(owner, HasVersionedNamespace(owner));

    private bool HasVersionedNamespace(WitOwner owner)
        => _multiVersionPackages.Contains(owner.Package.Namespace + ":" + owner.Package.Name);

    /// <summary>The key of the scope that declares the types of <paramref name="owner"/> on this mapper's side.</summary>
    public string ScopeKey(WitOwner owner)
    {
        var key = ScopeKeys.For(owner);
        return _exportSideNamespaces.ContainsKey(key) ? key + ExportSideKeySuffix : key;
    }

    /// <summary>
    /// Throws when the declaration of <paramref name="type"/> cannot be generated; everything that
    /// refers to it is then left out too.
    /// </summary>
    public void EnsureDeclarable(WitNamedType type)
    {
        if (!_unsupportedNamedTypes.TryGetValue(type, out var reason))
        {
            reason = FindUnsupportedReason(type);
            _unsupportedNamedTypes[type] = reason;
        }

        if (reason is not null)
        {
            throw new UnsupportedConstructException(reason);
        }
    }

    /// <summary>True when resources of <paramref name="owner"/> are host interfaces on this mapper's side.</summary>
    public bool IsImported(WitOwner owner)
    {
        var key = ScopeKeys.For(owner);
        return _importedScopes.Contains(key) && !_exportSideNamespaces.ContainsKey(key);
    }

    private string? FindUnsupportedReason(WitNamedType type)
    {
        try
        {
            switch (type)
            {
                case WitRecordType record:
                    foreach (var field in record.Fields)
                    {
                        Map(field.Type);
                    }

                    break;
                case WitVariantType variant:
                    foreach (var @case in variant.Cases)
                    {
                        if (@case.Payload is not null)
                        {
                            Map(@case.Payload);
                        }
                    }

                    break;
                case WitFlagsType flags when flags.Flags.Count > MaxFlags:
                    return $"flags '{flags.Name}' with more than {MaxFlags} members";
            }

            return null;
        }
        catch (UnsupportedConstructException exception)
        {
            return exception.Construct;
        }
    }

    private string MapDeclared(WitNamedType type)
    {
        EnsureDeclarable(type);
        return DeclaredName(type);
    }

    // An imported resource is the host interface IR; an exported one the handle class R.
    private string MapResource(WitResourceType resource)
    {
        EnsureDeclarable(resource);
        var name = IsImported(resource.Owner) ? CSharpNames.ResourceInterfaceName(resource.Name) : CSharpNames.GuestResourceClassName(resource.Name);
        return "global::" + TypesNamespace(resource.Owner) + "." + name;
    }

    private string MapTuple(WitTupleType tuple)
    {
        var elements = tuple.Elements.Select(Map).ToList();

        // C# has no one-element tuple syntax; (T) is just a parenthesised type.
        return elements.Count == 1 ? "global::System.ValueTuple<" + elements[0] + ">" : "(" + string.Join(", ", elements) + ")";
    }

    private string MapOption(WitOptionType option)
    {
        var payload = Map(option.Payload);

        return WrapsOption(option) ? RuntimeNamespace + "Option<" + payload + ">" : payload + "?";
    }

    /// <summary>
    /// True when <paramref name="option"/> is <c>WitHost.Option&lt;T&gt;</c> rather than <c>T?</c>:
    /// T? cannot tell option&lt;option&lt;T&gt;&gt;'s none from some(none), so the outer option becomes a struct.
    /// </summary>
    public static bool WrapsOption(WitOptionType option) => option.Payload.Unaliased is WitOptionType;

    /// <summary>True when <paramref name="list"/> is <c>byte[]</c>.</summary>
    public static bool IsBytes(WitListType list) => list is { Length: null, Element: WitPrimitiveType { Kind: WitPrimitiveKind.U8 } };

    private string MapOrUnit(WitType? type) => type is null ? RuntimeNamespace + "Unit" : Map(type);

    private static string MapPrimitive(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool => "bool",
        WitPrimitiveKind.S8 => "sbyte",
        WitPrimitiveKind.U8 => "byte",
        WitPrimitiveKind.S16 => "short",
        WitPrimitiveKind.U16 => "ushort",
        WitPrimitiveKind.S32 => "int",
        WitPrimitiveKind.U32 => "uint",
        WitPrimitiveKind.S64 => "long",
        WitPrimitiveKind.U64 => "ulong",
        WitPrimitiveKind.F32 => "float",
        WitPrimitiveKind.F64 => "double",
        WitPrimitiveKind.Char => "global::System.Text.Rune",
        WitPrimitiveKind.String => "string",
        _ => throw new UnsupportedConstructException(kind.ToString()),
    };
}
