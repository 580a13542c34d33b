using WitHost.Generator.Model;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// Binds a WIT function as a generated call: parameter and result types for marshalling, the core
/// signature (<see cref="CoreFunctionSignature"/>) and the core names (<see cref="CoreNames"/>).
/// </summary>
internal sealed class CallBinder
{
    private readonly AbiTypeBinder _types;

    public CallBinder(AbiTypeBinder types) => _types = types;

    /// <summary>An export wrapper for <paramref name="function"/>, exported through <paramref name="interfaceItemName"/> (null: by the world).</summary>
    /// <exception cref="UnsupportedConstructException">A type the marshalling stage does not move yet.</exception>
    public CallBinding BindExport(string methodName, string? interfaceItemName, WitFunction function)
    {
        var exportName = CoreNames.Export(interfaceItemName, function);
        return Bind(methodName, function, AbiDirection.Lift, null, exportName, CoreNames.PostReturn(exportName));
    }

    /// <summary>True when the export wrapper of <paramref name="function"/> can be generated (its types can be moved).</summary>
    public bool CanBindExport(WitFunction function)
    {
        try
        {
            BindExport("", null, function);
            return true;
        }
        catch (UnsupportedConstructException)
        {
            return false;
        }
        catch (CallNotGeneratedException)
        {
            return false;
        }
    }

    /// <summary>An import entry for <paramref name="function"/>, imported through <paramref name="interfaceItemName"/> (null: by the world).</summary>
    /// <exception cref="UnsupportedConstructException">A type the marshalling stage does not move yet.</exception>
    public CallBinding BindImport(string methodName, string? interfaceItemName, WitFunction function)
    {
        var name = CoreNames.Import(interfaceItemName, function);
        return Bind(methodName, function, AbiDirection.Lower, name.Module, name.Name, "");
    }

    private static bool HasExportedHandle(AbiTypeBinding? type)
        => type is not null && (type.Kind is AbiTypeKind.ExportedOwn or AbiTypeKind.ExportedBorrow || type.Children.Any(HasExportedHandle));

    private CallBinding Bind(string methodName, WitFunction function, AbiDirection direction, string? module, string coreName, string postReturnName)
    {
        var parameters = function.Parameters
            .Select(parameter => new AbiParameterBinding(CSharpNames.ToParameterName(parameter.Name), _types.Bind(parameter.Type)))
            .ToEquatableArray();
        var result = function.Result is null ? null : _types.Bind(function.Result);

        // The guest's own resources only cross exports: WIT imports the interface of any resource an
        // import mentions, so the world's copy of it is an imported one.
        if (direction == AbiDirection.Lower && parameters.Select(parameter => parameter.Type).Append(result).Any(HasExportedHandle))
        {
            throw new CallNotGeneratedException("a handle of a resource the guest exports, in an import");
        }

        var signature = CoreFunctionSignature.For(function, direction);

        var offsets = EquatableArray<uint>.Empty;
        uint size = 0;
        uint alignment = 1;
        if (signature.ParamsInMemory)
        {
            // The parameters travel as one tuple in memory: its layout is the tuple's.
            var tuple = new WitTupleType(function.Parameters.Select(parameter => parameter.Type).ToEquatableArray());
            offsets = CanonicalLayout.FieldOffsets(tuple.Elements).ToEquatableArray();
            size = CanonicalLayout.Size(tuple);
            alignment = CanonicalLayout.Alignment(tuple);
        }

        return new CallBinding(
            methodName,
            function.ExternalName,
            module,
            coreName,
            postReturnName,
            parameters,
            result,
            signature.Params,
            signature.Results,
            signature.ParamsInMemory,
            signature.ResultsInMemory,
            offsets,
            size,
            alignment,
            function.Docs)
        {
            IsAsync = signature.IsAsync,
            TaskReturnParams = signature.TaskReturnParams,
        };
    }
}
