using WitHost.Generator.Model;

namespace WitHost.Generator.Emitting;

/// <summary>
/// Writes a host's guest contract (every core import and export a guest of the world has, with
/// its exact core type) as a static table, and <c>Validate</c>, which checks a module against it.
/// The table is data computed by <see cref="WitHost.Wit.Abi.CoreWorldContract"/> at generation
/// time, so instantiating checks a guest without reading any WIT.
/// </summary>
internal static class GuestContractEmitter
{
    /// <summary>The static field holding the contract.</summary>
    public const string FieldName = "GuestContract_";

    private const string Namespace = "global::WitHost.Wamr.Validation";

    public static void EmitTable(SourceWriter writer, WorldBinding world)
    {
        var contract = world.Contract;
        writer.WriteLine($"// What a guest of {DocCommentWriter.Escape(world.WorldQualifiedName)} imports and exports, with exact core types (the Canonical ABI's");
        writer.WriteLine("// flattening): Validate and Instantiate compare a module with it before any guest code runs.");
        writer.WriteLine($"private static readonly {Namespace}.GuestContract {FieldName} = new(");
        writer.Indent();
        writer.WriteLine($"{CallEmitter.Literal(world.WorldQualifiedName)},");
        writer.WriteLine($"{CallEmitter.EncodingExpression(world.Spec.Encoding)},");
        writer.WriteLine($"needsMemory: {(contract.NeedsMemory ? "true" : "false")},");
        writer.WriteLine($"imports: new {Namespace}.GuestContractImport[]");
        writer.OpenBlock();
        foreach (var import in contract.Imports)
        {
            writer.WriteLine($"new({CallEmitter.Literal(import.Module)}, {CallEmitter.Literal(import.Name)}, {CallEmitter.Literal(import.Type.ToString())}{(import.PassesStrings ? ", passesStrings: true" : "")}),");
        }

        writer.CloseBlock(",");
        writer.WriteLine($"exports: new {Namespace}.GuestContractExport[]");
        writer.OpenBlock();
        foreach (var export in contract.Exports)
        {
            writer.WriteLine($"new({CallEmitter.Literal(export.Name)}, {CallEmitter.Literal(export.Type.ToString())}, isRequired: {(export.IsRequired ? "true" : "false")}{(export.PassesStrings ? ", passesStrings: true" : "")}),");
        }

        writer.CloseBlock(");");
        writer.Unindent();
    }

    public static void EmitValidate(SourceWriter writer)
    {
        DocCommentWriter.WriteSummary(writer, null, "Every way <paramref name=\"module\"/> differs from the world: a missing or mistyped export, an import the world does not provide or provides with another type, no memory. Runs no guest code.");
        DocCommentWriter.WriteParam(writer, "module", null, "The guest to check.");
        DocCommentWriter.WriteReturns(writer, "The mismatches, empty when the guest matches; <see cref=\"Instantiate\"/> throws them as one <see cref=\"global::WitHost.Wamr.WasmInstantiationException\"/>.");
        writer.WriteLine($"public static global::System.Collections.Generic.IReadOnlyList<{Namespace}.GuestMismatch> Validate(global::WitHost.Wamr.WamrModule module)");
        writer.OpenBlock();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(module);");
        writer.WriteLine($"return {FieldName}.Check(module);");
        writer.CloseBlock();
    }
}
