using System.Text;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Cli.Abi;

/// <summary>
/// Writes what a guest author needs to know of a world's Canonical ABI, all of it read from the
/// ABI model: per function its core module and name, core signature, and where parameters or
/// results go through memory (the tuple or return area, its size, alignment and layout); per type
/// its size, alignment, flat core types and field or payload offsets.
/// </summary>
internal sealed class AbiReportWriter
{
    private readonly StringBuilder _text = new();

    public static string Write(WitWorld world)
    {
        var writer = new AbiReportWriter();
        writer.WriteWorld(world);
        return writer._text.ToString();
    }

    private void WriteWorld(WitWorld world)
    {
        var bindings = CoreWorldBindings.For(world);
        var contract = CoreWorldContract.For(world);
        Line($"world {world.Name}");
        Line();
        Line("imports (the host provides them):");
        foreach (var import in bindings.Imports)
        {
            Line($"  {import.CoreName.Module} {import.CoreName.Name}");
            WriteFunction(import.Function, import.Signature);
        }

        var declared = new HashSet<CoreImportName>(bindings.Imports.Select(import => import.CoreName));
        foreach (var intrinsic in contract.Imports.Where(i => !declared.Contains(new CoreImportName(i.Module, i.Name))))
        {
            Line($"  {intrinsic.Module} {intrinsic.Name}");
            Line($"    core {intrinsic.Type}");
        }

        Line();
        Line("exports (the guest provides them):");
        foreach (var export in bindings.Exports)
        {
            Line($"  {export.CoreName}");
            WriteFunction(export.Function, export.Signature);
            if (export.Function.Result is not null)
            {
                Line($"    post-return {export.PostReturnName} (optional) core {export.Signature.Type.PostReturn()}");
            }
        }

        foreach (var export in contract.Exports.Where(export => !bindings.Exports.Any(b => b.CoreName == export.Name || b.PostReturnName == export.Name)))
        {
            Line($"  {export.Name}{(export.IsRequired ? "" : " (optional)")}");
            Line($"    core {export.Type}");
        }

        if (contract.NeedsMemory)
        {
            Line($"  {CoreWorldContract.MemoryExport}");
        }

        var types = WorldTypes.Collect(world, bindings);
        if (types.Count > 0)
        {
            Line();
            Line("types (sizes and offsets in bytes):");
            foreach (var type in types)
            {
                WriteType(type);
            }
        }
    }

    private void WriteFunction(WitFunction function, CoreFunctionSignature signature)
    {
        Line($"    wit  {WitSignatureText.Of(function)}");
        Line($"    core {signature}");
        if (signature.ParamsInMemory)
        {
            var tuple = new WitTupleType(function.Parameters.Select(parameter => parameter.Type).ToEquatableArray());
            var layout = CanonicalLayout.Of(tuple);
            var offsets = CanonicalLayout.FieldOffsets(tuple.Elements);
            Line($"    params in memory ({signature.FlatParams.Count} flat values > {CoreFunctionSignature.MaxFlatParams}): the i32 points at a tuple of {layout.Size} bytes, aligned {layout.Alignment}, {(signature.Direction == AbiDirection.Lift ? "allocated by the host with cabi_realloc" : "written by the guest")}");
            for (var i = 0; i < offsets.Length; i++)
            {
                Line($"      @{offsets[i],-4} {function.Parameters[i].Name}: {WitSignatureText.Of(function.Parameters[i].Type)}");
            }
        }

        if (signature.ResultsInMemory && function.Result is { } result)
        {
            var layout = CanonicalLayout.Of(result);
            var where = signature.Direction == AbiDirection.Lift
                ? "the guest returns a pointer to its return area"
                : "the guest passes a pointer to a return area as the last parameter; the host writes the result there";
            Line($"    result in memory ({signature.FlatResults.Count} flat values > {CoreFunctionSignature.MaxFlatResults}): {where}: {WitSignatureText.Of(result)}, {layout.Size} bytes, aligned {layout.Alignment}");
            WriteMembers(result, "      ");
        }
    }

    private void WriteType(WitType type)
    {
        var layout = CanonicalLayout.Of(type);
        Line($"  {WitSignatureText.Of(type)}{Kind(type)}: size {layout.Size}, align {layout.Alignment}, flat ({string.Join(" ", layout.Flat)})");
        WriteMembers(type, "    ");
    }

    /// <summary>The field offsets of a record or tuple, or the discriminant and payload offset of a variant-like type.</summary>
    private void WriteMembers(WitType type, string indent)
    {
        if (Despecialized.Fields(type) is { } fields)
        {
            var offsets = CanonicalLayout.FieldOffsets(fields);
            for (var i = 0; i < fields.Count; i++)
            {
                var name = type.Unaliased is WitRecordType record ? record.Fields[i].Name : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Line($"{indent}@{offsets[i],-4} {name}: {WitSignatureText.Of(fields[i])} ({CanonicalLayout.Size(fields[i])} bytes)");
            }
        }
        else if (Despecialized.Cases(type) is { } cases)
        {
            var names = type.Unaliased switch
            {
                WitVariantType variant => variant.Cases.Select(c => c.Name).ToArray(),
                WitEnumType @enum => @enum.Cases.Select(c => c.Name).ToArray(),
                WitOptionType => ["none", "some"],
                _ => new[] { "ok", "error" },
            };
            var payloadOffset = CanonicalLayout.PayloadOffset(cases);
            Line($"{indent}@0    discriminant ({CanonicalLayout.DiscriminantSize(cases.Count)} bytes): {string.Join(", ", names.Select((name, i) => $"{i} {name}"))}");
            if (cases.Any(payload => payload is not null))
            {
                Line($"{indent}@{payloadOffset,-4} payload: {string.Join(", ", cases.Select((payload, i) => (payload, i)).Where(c => c.payload is not null).Select(c => $"{names[c.i]} {WitSignatureText.Of(c.payload!)}"))}");
            }
        }
        else if (type.Unaliased is WitFlagsType flags)
        {
            Line($"{indent}bits: {string.Join(", ", flags.Flags.Select((flag, i) => $"{i} {flag.Name}"))}");
        }
        else if (type.Unaliased is WitListType { Length: null } or WitMapType)
        {
            Line($"{indent}@0    pointer to the elements, @4 element count");
        }
    }

    private static string Kind(WitType type) => type.Unaliased switch
    {
        WitRecordType => " (record)",
        WitVariantType => " (variant)",
        WitEnumType => " (enum)",
        WitFlagsType => " (flags)",
        _ => "",
    };

    private void Line(string text = "") => _text.Append(text).Append('\n');
}
