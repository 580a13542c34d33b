using System.Text;
using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Cli.Abi;

/// <summary>
/// Writes a C header for a guest of a world written by hand: a struct or typedef per type, laid
/// out as the Canonical ABI lays it out in memory and checked by <c>_Static_assert</c> against the
/// ABI model (size, alignment, field and payload offsets); every import declared with its
/// <c>import_module</c>/<c>import_name</c>; every export, post-return, destructor and
/// <c>cabi_realloc</c> declared with its <c>export_name</c>, so the guest's definitions get the
/// names the host looks for. Signatures are the core ones: a string or list parameter is a
/// pointer and a length, a value that flattens to several core values is those values, and a
/// result that does not fit one core value is a pointer to a return area (an export's result) or
/// an out-pointer (an import's last parameter).
/// </summary>
internal sealed class CHeaderWriter
{
    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _functionNames = new(StringComparer.Ordinal);

    public static string Write(WitWorld world)
    {
        var writer = new CHeaderWriter();
        writer.WriteWorld(world);
        return writer._text.ToString();
    }

    private void WriteWorld(WitWorld world)
    {
        var bindings = CoreWorldBindings.For(world);
        var contract = CoreWorldContract.For(world);
        var guard = "WIT_" + CNames.Identifier(world.Name).ToUpperInvariant() + "_H";
        Line($"// The Canonical ABI of world {world.Name}, for a guest written in C (wasm32).");
        Line("// Written by `wit-host abi --c-header`; the layouts are checked against the ABI model by the");
        Line("// _Static_asserts below, so a compiler for another target or ABI stops here instead of at run time.");
        Line($"#ifndef {guard}");
        Line($"#define {guard}");
        Line();
        Line("#include <stdbool.h>");
        Line("#include <stddef.h>");
        Line("#include <stdint.h>");
        Line();
        Line("// A string in memory: UTF-8 bytes (not NUL-terminated) and their count.");
        Line("typedef struct string_t {");
        Line("    uint8_t *ptr;");
        Line("    size_t len;");
        Line("} string_t;");
        Asserts("string_t", CanonicalLayout.Of(new WitPrimitiveType(WitPrimitiveKind.String)), []);
        Line();

        foreach (var type in WorldTypes.Collect(world, bindings))
        {
            WriteType(type);
            Line();
        }

        Line("// ---- imports: the host provides these ----");
        Line();
        foreach (var import in bindings.Imports)
        {
            var prefix = import.InterfaceItemName is null ? "import_" : "import_" + CNames.InterfaceShortName(import.InterfaceItemName) + "_";
            WriteFunction(import.Function, import.Signature, UniqueName(prefix + CNames.Function(import.Function)), $"import_module(\"{import.CoreName.Module}\"), import_name(\"{import.CoreName.Name}\")", $"{import.CoreName}: {WitSignatureText.Of(import.Function)}");
        }

        var declared = new HashSet<CoreImportName>(bindings.Imports.Select(import => import.CoreName));
        foreach (var intrinsic in contract.Imports)
        {
            var name = new CoreImportName(intrinsic.Module, intrinsic.Name);
            if (declared.Contains(name))
            {
                continue;
            }

            var cName = UniqueName("import_" + CNames.InterfaceShortName(intrinsic.Module.StartsWith("[export]", StringComparison.Ordinal) ? intrinsic.Module.Substring("[export]".Length) : intrinsic.Module) + "_" + Mangle(intrinsic.Name));
            Line($"// {name} (resource intrinsic: {(intrinsic.Type.Results.Count == 0 ? "takes a handle" : "a representation or handle in, the other out")})");
            Line($"__attribute__((import_module(\"{intrinsic.Module}\"), import_name(\"{intrinsic.Name}\")))");
            Line($"extern {CoreResult(intrinsic.Type)} {cName}({CoreParams(intrinsic.Type)});");
            Line();
        }

        Line("// ---- exports: the guest defines these (the declarations give them their export names) ----");
        Line();
        foreach (var export in bindings.Exports)
        {
            var prefix = export.InterfaceItemName is null ? "export_" : "export_" + CNames.InterfaceShortName(export.InterfaceItemName) + "_";
            var cName = UniqueName(prefix + CNames.Function(export.Function));
            WriteFunction(export.Function, export.Signature, cName, $"export_name(\"{export.CoreName}\")", $"{export.CoreName}: {WitSignatureText.Of(export.Function)}");
            if (export.Function.Result is { } result)
            {
                var parameter = export.Signature.ResultsInMemory ? CNames.Type(result) + " *ret" : ResultType(result, export.Signature) + " ret";
                Line($"// Optional: called after the host has read {export.CoreName}'s result, to free what it owns.");
                Line($"__attribute__((export_name(\"{export.PostReturnName}\")))");
                Line($"void {UniqueName(cName + "_post_return")}({parameter});");
                Line();
            }
        }

        foreach (var export in contract.Exports.Where(export => export.Name.Contains("[dtor]")))
        {
            Line($"// Optional: the host calls it when the last handle of the resource goes, with its representation.");
            Line($"__attribute__((export_name(\"{export.Name}\")))");
            Line($"void {UniqueName("export_" + Mangle(export.Name))}(int32_t rep);");
            Line();
        }

        var realloc = contract.Exports.First(export => export.Name == CoreNames.Realloc);
        Line(realloc.IsRequired
            ? "// Required: the host allocates the strings and lists it passes in with it (a zero new_size may return `align`)."
            : "// Not needed by this world (the host passes no string or list in), but allowed.");
        Line($"__attribute__((export_name(\"{CoreNames.Realloc}\")))");
        Line("void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size);");
        Line();
        Line($"#endif // {guard}");
    }

    private void WriteType(WitType type)
    {
        var name = CNames.Type(type);
        var layout = CanonicalLayout.Of(type);
        Line($"// {WitSignatureText.Of(type)}: {layout.Size} bytes, aligned {layout.Alignment}");
        switch (type)
        {
            case WitEnumType @enum:
                Line($"typedef {DiscriminantType(@enum.Cases.Count)} {name};");
                for (var i = 0; i < @enum.Cases.Count; i++)
                {
                    Line($"#define {Constant(name, @enum.Cases[i].Name)} {i}");
                }

                Asserts(name, layout, []);
                return;
            case WitFlagsType flags when flags.Flags.Count <= 32:
                Line($"typedef {(layout.Size switch { 1 => "uint8_t", 2 => "uint16_t", _ => "uint32_t" })} {name};");
                for (var i = 0; i < flags.Flags.Count; i++)
                {
                    Line($"#define {Constant(name, flags.Flags[i].Name)} ((({name})1) << {i})");
                }

                Asserts(name, layout, []);
                return;
            case WitFlagsType flags:
                Line($"typedef struct {name} {{ uint32_t words[{CanonicalLayout.FlagWords(flags.Flags.Count)}]; }} {name};");
                for (var i = 0; i < flags.Flags.Count; i++)
                {
                    Line($"// {flags.Flags[i].Name}: bit {i % 32} of words[{i / 32}]");
                }

                Asserts(name, layout, []);
                return;
            case WitListType { Length: { } length } fixedList:
                Line($"typedef struct {name} {{ {CNames.Type(fixedList.Element)} elems[{length}]; }} {name};");
                Asserts(name, layout, []);
                return;
            case WitListType list:
                Line($"typedef struct {name} {{");
                Line($"    {CNames.Type(list.Element)} *ptr;");
                Line("    size_t len;");
                Line($"}} {name};");
                Asserts(name, layout, []);
                return;
            case WitMapType map:
                Line($"typedef struct {name} {{");
                Line($"    {CNames.Type(Despecialized.MapEntry(map))} *ptr;");
                Line("    size_t len;");
                Line($"}} {name};");
                Asserts(name, layout, []);
                return;
        }

        if (Despecialized.Fields(type) is { } fieldTypes)
        {
            var fieldNames = type is WitRecordType record ? record.Fields.Select(field => CNames.Identifier(field.Name)).ToArray() : fieldTypes.Select((_, i) => "f" + i).ToArray();
            var offsets = CanonicalLayout.FieldOffsets(fieldTypes);
            Line($"typedef struct {name} {{");
            for (var i = 0; i < fieldTypes.Count; i++)
            {
                Line($"    {CNames.Type(fieldTypes[i])} {fieldNames[i]};");
            }

            Line($"}} {name};");
            Asserts(name, layout, fieldNames.Zip(offsets, (field, offset) => (field, offset)).ToArray());
            return;
        }

        if (Despecialized.Cases(type) is { } cases)
        {
            var (tag, caseNames) = type switch
            {
                WitOptionType => ("is_some", new[] { "none", "some" }),
                WitResultType => ("is_err", new[] { "ok", "err" }),
                WitVariantType variant => ("tag", variant.Cases.Select(c => CNames.Identifier(c.Name)).ToArray()),
                _ => ("tag", cases.Select((_, i) => "case" + i).ToArray()),
            };
            var tagType = type is WitOptionType or WitResultType ? "bool" : DiscriminantType(cases.Count);
            Line($"typedef struct {name} {{");
            Line($"    {tagType} {tag};");
            var payloads = cases.Select((payload, i) => (Payload: payload, Name: caseNames[i])).Where(c => c.Payload is not null).ToArray();
            if (type is WitOptionType option)
            {
                Line($"    {CNames.Type(option.Payload)} val;");
            }
            else if (payloads.Length > 0)
            {
                Line("    union {");
                foreach (var (payload, caseName) in payloads)
                {
                    Line($"        {CNames.Type(payload!)} {caseName};");
                }

                Line("    } val;");
            }

            Line($"}} {name};");
            if (type is WitVariantType variantType)
            {
                for (var i = 0; i < variantType.Cases.Count; i++)
                {
                    Line($"#define {Constant(name, variantType.Cases[i].Name)} {i}");
                }
            }

            Asserts(name, layout, payloads.Length > 0 ? [("val", CanonicalLayout.PayloadOffset(cases))] : []);
            return;
        }

        throw new ArgumentException($"no C definition for {type}", nameof(type));
    }

    private void WriteFunction(WitFunction function, CoreFunctionSignature signature, string cName, string attributes, string comment)
    {
        Line($"// {comment}");
        Line($"// core {signature}");
        var parameters = new List<string>();
        if (signature.ParamsInMemory)
        {
            // More than 16 flat values: the parameters travel as one pointer to a tuple of them.
            var structName = cName + "_params_t";
            var types = function.Parameters.Select(parameter => parameter.Type).ToArray();
            var names = function.Parameters.Select(parameter => CNames.Identifier(parameter.Name)).ToArray();
            Line($"typedef struct {structName} {{");
            for (var i = 0; i < types.Length; i++)
            {
                Line($"    {CNames.Type(types[i])} {names[i]};");
            }

            Line($"}} {structName};");
            Asserts(structName, CanonicalLayout.Of(new WitTupleType(types.ToEquatableArray())), names.Zip(CanonicalLayout.FieldOffsets(types), (field, offset) => (field, offset)).ToArray());
            parameters.Add($"{structName} *params");
        }
        else
        {
            foreach (var parameter in function.Parameters)
            {
                parameters.AddRange(FlatParameters(parameter));
            }
        }

        string result;
        if (function.Result is { } resultType && signature.ResultsInMemory)
        {
            if (signature.Direction == AbiDirection.Lift)
            {
                result = CNames.Type(resultType) + " *";
            }
            else
            {
                result = "void ";
                parameters.Add($"{CNames.Type(resultType)} *ret");
            }
        }
        else
        {
            result = function.Result is { } single ? ResultType(single, signature) + " " : "void ";
        }

        var extern_ = signature.Direction == AbiDirection.Lower ? "extern " : "";
        Line($"__attribute__(({attributes}))");
        Line($"{extern_}{result}{cName}({(parameters.Count == 0 ? "void" : string.Join(", ", parameters))});");
        Line();
    }

    /// <summary>The C parameters one WIT parameter flattens to (the count and core types are the model's).</summary>
    private static IEnumerable<string> FlatParameters(WitParameter parameter)
    {
        var name = CNames.Identifier(parameter.Name);
        var flat = CanonicalLayout.Flatten(parameter.Type);
        switch (parameter.Type.Unaliased)
        {
            case WitPrimitiveType { Kind: WitPrimitiveKind.String }:
                return [$"uint8_t *{name}_ptr", $"size_t {name}_len"];
            case WitListType { Length: null } list:
                return [$"{CNames.Type(list.Element)} *{name}_ptr", $"size_t {name}_len"];
            case WitMapType map:
                return [$"{CNames.Type(Despecialized.MapEntry(map))} *{name}_ptr", $"size_t {name}_len"];
            case var type when flat.Count == 1 && (CNames.IsScalar(type) || type is WitEnumType || type is WitFlagsType):
                return [$"{CNames.Type(type)} {name}"];
            default:
                return flat.Select((core, i) => $"{CNames.Core(core)} {name}_{i}");
        }
    }

    /// <summary>The C type of a result that is one core value.</summary>
    private static string ResultType(WitType result, CoreFunctionSignature signature)
    {
        var type = result.Unaliased;
        return CNames.IsScalar(type) || type is WitEnumType || type is WitFlagsType ? CNames.Type(type) : CNames.Core(signature.Results[0]);
    }

    private void Asserts(string name, AbiTypeLayout layout, IReadOnlyList<(string Field, uint Offset)> offsets)
    {
        Line($"_Static_assert(sizeof({name}) == {layout.Size} && _Alignof({name}) == {layout.Alignment}, \"{name}: {layout.Size} bytes, aligned {layout.Alignment}\");");
        foreach (var (field, offset) in offsets)
        {
            Line($"_Static_assert(offsetof({name}, {field}) == {offset}, \"{name}.{field} at {offset}\");");
        }
    }

    private static string DiscriminantType(int caseCount) => CanonicalLayout.DiscriminantSize(caseCount) switch
    {
        1 => "uint8_t",
        2 => "uint16_t",
        _ => "uint32_t",
    };

    private static string Constant(string typeName, string caseName)
        => (typeName.Substring(0, typeName.Length - 2) + "_" + CNames.Identifier(caseName).TrimEnd('_')).ToUpperInvariant();

    private static string CoreParams(CoreFunctionType type)
        => type.Params.Count == 0 ? "void" : string.Join(", ", type.Params.Select((core, i) => $"{CNames.Core(core)} p{i}"));

    private static string CoreResult(CoreFunctionType type) => type.Results.Count == 0 ? "void" : CNames.Core(type.Results[0]);

    /// <summary><c>[resource-drop]parser</c> → <c>resource_drop_parser</c>.</summary>
    private static string Mangle(string coreName)
    {
        var hash = coreName.LastIndexOf('#');
        var name = hash < 0 ? coreName : CNames.InterfaceShortName(coreName.Substring(0, hash)) + "_" + coreName.Substring(hash + 1);
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString().Trim('_').Replace("__", "_");
    }

    private string UniqueName(string name)
    {
        var unique = name;
        for (var i = 2; !_functionNames.Add(unique); i++)
        {
            unique = name + "_" + i;
        }

        return unique;
    }

    private void Line(string text = "") => _text.Append(text).Append('\n');
}
