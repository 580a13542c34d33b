using WitHost.Generator.Model;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// Binds one scope (a WIT interface, or the items declared directly in a world): its type
/// declarations and, when imported, the methods of its host interface and resources. An item the
/// generator cannot express is reported and left out; the others still bind.
/// </summary>
internal sealed class ScopeBinder
{
    private readonly TypeMapper _mapper;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly SourceLocationInfo _location;
    private readonly Func<WitFunction, bool> _isExportCallable;

    /// <param name="mapper">Maps WIT types to C# types.</param>
    /// <param name="diagnostics">Where unsupported items are reported.</param>
    /// <param name="location">The location diagnostics point at.</param>
    /// <param name="isExportCallable">
    /// Whether the export wrapper of a function can be generated: an exported resource's handle
    /// class has a method only for those (the export binding reports the others). Null: all can.
    /// </param>
    public ScopeBinder(TypeMapper mapper, List<DiagnosticInfo> diagnostics, SourceLocationInfo location, Func<WitFunction, bool>? isExportCallable = null)
    {
        _mapper = mapper;
        _diagnostics = diagnostics;
        _location = location;
        _isExportCallable = isExportCallable ?? (_ => true);
    }

    /// <summary>Binds a scope; null when it has nothing to generate.</summary>
    /// <param name="key">The scope's qualified WIT name.</param>
    /// <param name="owner">The owner its types and functions are declared with.</param>
    /// <param name="types">Its named types.</param>
    /// <param name="functions">Its functions; bound as host methods when <paramref name="isImported"/>, else only the methods of exported resources.</param>
    /// <param name="hostInterfaceName">The name of the host interface.</param>
    /// <param name="docs">Its doc comment.</param>
    /// <param name="isImported">True when the world imports it (so the host implements it).</param>
    public ScopeBinding? Bind(
        string key,
        WitOwner owner,
        IEnumerable<WitNamedType> types,
        IEnumerable<WitFunction> functions,
        string hostInterfaceName,
        string? docs,
        bool isImported)
    {
        var allFunctions = functions.ToList();
        var functionList = isImported ? allFunctions.Where(function => IsSupported(function, key)).ToList() : new List<WitFunction>();
        var declarations = new List<TypeDeclarationBinding>();
        foreach (var type in types)
        {
            if (BindDeclaration(type, key, isImported ? functionList : allFunctions) is { } declaration)
            {
                declarations.Add(declaration);
            }
        }

        HostInterfaceBinding? hostInterface = null;
        if (isImported)
        {
            var methods = BindHostMethods(hostInterfaceName, functionList);
            if (methods.Count > 0)
            {
                hostInterface = new HostInterfaceBinding(_mapper.HostInterfaceNamespace(owner), hostInterfaceName, methods.ToEquatableArray(), docs);
            }
        }

        if (declarations.Count == 0 && hostInterface is null)
        {
            return null;
        }

        return new ScopeBinding(key, _mapper.TypesNamespace(owner), declarations.ToEquatableArray(), hostInterface);
    }

    private bool IsSupported(WitFunction function, string scopeKey)
    {
        try
        {
            foreach (var parameter in function.Parameters)
            {
                _mapper.Map(parameter.Type);
            }

            if (function.Result is not null)
            {
                _mapper.Map(function.Result);
            }

            return true;
        }
        catch (UnsupportedConstructException exception)
        {
            ReportUnsupported($"The function '{scopeKey}#{function.ExternalName}'", exception, DiagnosticInfoFactory.LocationOf(function, _location));
            return false;
        }
    }

    private TypeDeclarationBinding? BindDeclaration(WitNamedType type, string scopeKey, List<WitFunction> functions)
    {
        if (type is WitAliasType)
        {
            // Aliases (`type x = …`, and the names `use` brings in) have no C# declaration of their
            // own: C# has no namespace-level type alias, so uses map straight to the target type.
            return null;
        }

        if (type is WitFlagsType { Flags.Count: > 64 } tooMany)
        {
            _diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.TooManyFlags, DiagnosticInfoFactory.LocationOf(tooMany, _location), scopeKey + "#" + tooMany.Name, tooMany.Flags.Count.ToString()));
            return null;
        }

        try
        {
            _mapper.EnsureDeclarable(type);
            return type switch
            {
                WitRecordType record => BindRecord(record),
                WitVariantType variant => BindVariant(variant),
                WitEnumType @enum => BindEnum(@enum),
                WitFlagsType flags => BindFlags(flags),
                WitResourceType resource when _mapper.IsImported(resource.Owner) => BindResource(resource, functions),
                WitResourceType resource => BindGuestResource(resource, functions),
                _ => null,
            };
        }
        catch (UnsupportedConstructException exception)
        {
            ReportUnsupported($"The type '{scopeKey}#{type.Name}'", exception, DiagnosticInfoFactory.LocationOf(type, _location));
            return null;
        }
    }

    private RecordBinding BindRecord(WitRecordType record)
    {
        var name = CSharpNames.ToPascalCase(record.Name);
        var fieldNames = DeclarationNames.RecordFields(record);
        var fields = record.Fields
            .Select((field, i) => new FieldBinding(fieldNames[i], field.Name, _mapper.Map(field.Type), field.Docs))
            .ToEquatableArray();
        return new RecordBinding(name, record.Name, record.Docs, fields);
    }

    private VariantBinding BindVariant(WitVariantType variant)
    {
        var name = CSharpNames.ToPascalCase(variant.Name);
        var (caseNames, payloadName) = DeclarationNames.VariantCases(variant);
        var cases = variant.Cases
            .Select((@case, i) => new VariantCaseBinding(
                caseNames[i],
                @case.Name,
                CSharpNames.ToParameterName(@case.Name),
                @case.Payload is null ? null : _mapper.Map(@case.Payload),
                payloadName,
                @case.Docs))
            .ToEquatableArray();
        return new VariantBinding(name, variant.Name, variant.Docs, cases);
    }

    private static EnumBinding BindEnum(WitEnumType @enum)
    {
        var name = CSharpNames.ToPascalCase(@enum.Name);
        var names = new MemberNameSet(name, reserveObjectMembers: false);
        var members = @enum.Cases
            .Select(@case => new EnumMemberBinding(names.Claim(CSharpNames.ToPascalCase(@case.Name)), @case.Name, @case.Docs))
            .ToEquatableArray();
        return new EnumBinding(name, @enum.Name, @enum.Docs, members);
    }

    private static FlagsBinding BindFlags(WitFlagsType flags)
    {
        var name = CSharpNames.ToPascalCase(flags.Name);
        var names = new MemberNameSet(name, reserveObjectMembers: false);
        var members = flags.Flags
            .Select(flag => new EnumMemberBinding(names.Claim(CSharpNames.ToPascalCase(flag.Name)), flag.Name, flag.Docs))
            .ToEquatableArray();
        var hasNone = names.IsFree("None");
        var underlying = flags.Flags.Count switch
        {
            <= 8 => "byte",
            <= 16 => "ushort",
            <= 32 => "uint",
            _ => "ulong",
        };
        return new FlagsBinding(name, flags.Name, flags.Docs, underlying, hasNone, members);
    }

    private ResourceBinding BindResource(WitResourceType resource, List<WitFunction> functions)
    {
        var name = CSharpNames.ResourceInterfaceName(resource.Name);
        var names = new MemberNameSet(name, reserveObjectMembers: false);
        var methods = functions
            .Where(function => function.Kind == WitFunctionKind.Method && function.Resource == resource)
            .Select(function => BindMethod(names.Claim(CSharpNames.MethodName(CSharpNames.ToPascalCase(function.Name), function.IsAsync)), function, skipSelf: true))
            .ToEquatableArray();
        return new ResourceBinding(name, resource.Name, resource.Docs, methods);
    }

    private GuestResourceBinding BindGuestResource(WitResourceType resource, List<WitFunction> functions)
    {
        var name = CSharpNames.GuestResourceClassName(resource.Name);
        var names = new MemberNameSet(name, reserveObjectMembers: true);

        // The members every handle class has, and the nested interface its methods go through.
        foreach (var member in CSharpNames.GuestResourceMembers)
        {
            names.Claim(member);
        }

        var methods = functions
            .Where(function => function.Kind == WitFunctionKind.Method && function.Resource == resource && _isExportCallable(function))
            .Select(function => BindMethod(names.Claim(CSharpNames.MethodName(CSharpNames.ToPascalCase(function.Name), function.IsAsync)), function, skipSelf: true, hostCalls: true))
            .ToEquatableArray();
        return new GuestResourceBinding(name, resource.Name, resource.Docs, methods);
    }

    private List<MethodBinding> BindHostMethods(string hostInterfaceName, List<WitFunction> functions)
    {
        var names = new MemberNameSet(hostInterfaceName, reserveObjectMembers: false);
        var methods = new List<MethodBinding>();
        foreach (var function in functions)
        {
            var preferred = function.Kind switch
            {
                WitFunctionKind.Freestanding => CSharpNames.ToPascalCase(function.Name),

                // No resource object exists yet, so constructors and static functions are the
                // interface's job: `[constructor]fields` → CreateFields, `[static]fields.from-list` → FieldsFromList.
                WitFunctionKind.Constructor => "Create" + CSharpNames.ToPascalCase(function.Resource!.Name),
                WitFunctionKind.Static => CSharpNames.ToPascalCase(function.Resource!.Name) + CSharpNames.ToPascalCase(function.Name),
                _ => null,
            };
            if (preferred is not null)
            {
                methods.Add(BindMethod(names.Claim(CSharpNames.MethodName(preferred, function.IsAsync)), function, skipSelf: false));
            }
        }

        return methods;
    }

    private MethodBinding BindMethod(string name, WitFunction function, bool skipSelf, bool hostCalls = false)
    {
        var parameters = function.Parameters
            .Skip(skipSelf ? 1 : 0)
            .Select(parameter => new ParameterBinding(CSharpNames.ToParameterName(parameter.Name), _mapper.Map(parameter.Type)))
            .ToList();
        var returnType = function.Result is null ? "void" : _mapper.Map(function.Result);
        if (function.IsAsync)
        {
            // The host implements an async import as a ValueTask, cancelled when the guest cancels
            // its subtask; it calls a guest's async method as a Task (awaited, perhaps more than
            // once, like any .NET async API's result), cancelled with the token it passes.
            returnType = CSharpNames.AsyncReturnType(returnType, hostCalls ? "global::System.Threading.Tasks.Task" : "global::System.Threading.Tasks.ValueTask");
            parameters.Add(new ParameterBinding(CSharpNames.CancellationTokenParameter(parameters.Select(parameter => parameter.Name)), CSharpNames.CancellationTokenType));
        }

        return new MethodBinding(name, function.ExternalName, returnType, parameters.ToEquatableArray(), function.Docs) { IsAsync = function.IsAsync };
    }


    private void ReportUnsupported(string item, UnsupportedConstructException exception, SourceLocationInfo location)
        => _diagnostics.Add(DiagnosticInfoFactory.Create(DiagnosticDescriptors.UnsupportedConstruct, location, item, exception.Construct));
}
