using WitHost.Generator.Model;
using WitHost.Wit.Abi;

namespace WitHost.Generator.Emitting;

/// <summary>Writes the generated part of a <c>[WitHost]</c> class.</summary>
internal static class HostEmitter
{
    public static string HintName(HostSpec spec) => HostClassWriter.HintName(spec, "WitHost");

    public static string Emit(WorldBinding world)
    {
        var spec = world.Spec;
        var writer = new SourceWriter();
        HostClassWriter.Open(writer, spec);
        DocCommentWriter.WriteSummary(writer, null, "The Component Model name of the WIT world this host is generated for.");
        writer.WriteLine($"public const string WitWorldName = \"{world.WorldQualifiedName}\";");
        writer.WriteLine();
        DocCommentWriter.WriteSummary(writer, null, $"The host's implementations of the imports of <c>{DocCommentWriter.Escape(world.WorldQualifiedName)}</c>.");
        writer.WriteLine(GeneratedCodeAttribute.Line);
        writer.WriteLine("public sealed class Imports");
        writer.OpenBlock();
        for (var i = 0; i < world.ImportProperties.Count; i++)
        {
            var property = world.ImportProperties[i];
            if (i > 0)
            {
                writer.WriteLine();
            }

            DocCommentWriter.WriteSummary(writer, null, $"Implements the import <c>{DocCommentWriter.Escape(property.WitName)}</c>.");
            writer.WriteLine($"public required {property.Type} {property.Name} {{ get; init; }}");
        }

        writer.CloseBlock();
        if (HasTables(world))
        {
            writer.WriteLine();
            EmitTables(writer, world);
        }

        writer.WriteLine();
        GuestContractEmitter.EmitTable(writer, world);
        writer.WriteLine();
        GuestContractEmitter.EmitValidate(writer);
        writer.WriteLine();
        EmitInstantiate(writer, world);
        foreach (var property in world.ImportProperties)
        {
            foreach (var call in property.Calls)
            {
                writer.WriteLine();
                EmitImportEntry(writer, world, property, call);
            }
        }

        foreach (var resource in world.ResourceTables)
        {
            for (var i = 0; i < resource.Methods.Count; i++)
            {
                writer.WriteLine();
                EmitMethodEntry(writer, world, resource.Methods[i], resource.EntryNames[i]);
            }
        }

        foreach (var resource in world.RepTables)
        {
            writer.WriteLine();
            EmitDropEntry(writer, resource);
        }

        HostClassWriter.Close(writer, spec);
        return writer.ToString();
    }

    private static void EmitDropEntry(SourceWriter writer, RepTableBinding resource)
    {
        writer.WriteLine($"// The guest drops its handle to one of its own {DocCommentWriter.Escape(resource.WitName)} resources: an own handle is the last");
        writer.WriteLine("// reference, so the guest's destructor runs on the representation, as resource.drop asks.");
        writer.WriteLine($"private static void {resource.DropEntryName}({RepTable} table_, global::WitHost.Wamr.Hosting.HostCallContext call_)");
        writer.OpenBlock();
        writer.WriteLine($"var rep_ = table_.Drop(call_.Instance, call_.GetInt32(0), {CallEmitter.Literal(resource.CoreModule + "#" + resource.DropName)});");
        writer.WriteLine("table_.Destroy(call_.Instance, rep_);");
        writer.CloseBlock();
    }

    /// <summary>The nested class holding an instance's handle tables, one per imported resource.</summary>
    public const string TablesClassName = "ResourceTables";

    private const string HandleTable = "global::WitHost.Wamr.Bindings.HandleTable";

    private const string RepTable = "global::WitHost.Wamr.Bindings.RepTable";

    /// <summary>True when the world imports or exports resources, so instances carry handle tables.</summary>
    public static bool HasTables(WorldBinding world) => !world.ResourceTables.IsEmpty || !world.RepTables.IsEmpty;

    private static void EmitTables(SourceWriter writer, WorldBinding world)
    {
        DocCommentWriter.WriteSummary(writer, null, "One instance's handles, one table per imported and per exported resource, each holding at most maxHandles (InstanceOptions.MaxHandlesPerTable).");
        writer.WriteLine(GeneratedCodeAttribute.Line);
        writer.WriteLine($"internal sealed class {TablesClassName}(int maxHandles)");
        writer.OpenBlock();
        DocCommentWriter.WriteSummary(writer, null, "What lowering an export call's arguments added to the tables, taken back when it fails half-way.");
        writer.WriteLine("public readonly global::WitHost.Wamr.Bindings.LoweringJournal Journal = new();");
        foreach (var resource in world.ResourceTables)
        {
            writer.WriteLine();
            DocCommentWriter.WriteSummary(writer, null, $"Handles to <c>{DocCommentWriter.Escape(resource.WitName)}</c> objects.");
            writer.WriteLine($"public readonly {HandleTable}<{resource.CSharpType}> {resource.FieldName} = new({CallEmitter.Literal(resource.WitName)}, maxHandles);");
        }

        foreach (var resource in world.RepTables)
        {
            writer.WriteLine();
            DocCommentWriter.WriteSummary(writer, null, $"Handles to the guest's <c>{DocCommentWriter.Escape(resource.WitName)}</c> representations (<c>{DocCommentWriter.Escape(resource.CoreModule)}</c>).");
            writer.WriteLine($"public readonly {RepTable} {resource.FieldName} = new({CallEmitter.Literal(resource.WitName)}, {CallEmitter.Literal(resource.DestructorExport)}, maxHandles);");
            writer.WriteLine();
            DocCommentWriter.WriteSummary(writer, null, $"The method calls of the <c>{DocCommentWriter.Escape(resource.WitName)}</c> handles this instance makes (its exported-interface class, set when the instance is wrapped).");
            writer.WriteLine($"public {resource.CSharpType}.ICalls {GuestResourceCallsBinding.CallsFieldOf(resource.FieldName)} = null!;");
        }

        writer.CloseBlock();
    }

    private static void EmitInstantiate(SourceWriter writer, WorldBinding world)
    {
        var hasTables = HasTables(world);
        DocCommentWriter.WriteSummary(writer, null, "Instantiates <paramref name=\"module\"/> with the host's implementations of the world's imports.");
        DocCommentWriter.WriteParam(writer, "module", null, "The guest, compiled for this world.");
        DocCommentWriter.WriteParam(writer, "imports", null, "The host's implementations of the imports; calls from this instance go to them.");
        DocCommentWriter.WriteParam(writer, "options", null, "Stack, heap, WASI and host state of the instance; null for the defaults.");
        DocCommentWriter.WriteReturns(writer, "The instance, with a typed wrapper per export; dispose it to free the instance.");
        DocCommentWriter.WriteException(writer, "global::WitHost.Wamr.WasmInstantiationException", "The guest does not match the world (every mismatch in its <c>Mismatches</c>, as <see cref=\"Validate\"/> lists them), WAMR refused it, or its <c>_initialize</c> failed.");
        if (world.ImportProperties.Any(property => !property.Calls.IsEmpty))
        {
            DocCommentWriter.WriteException(writer, "global::System.ArgumentException", "A property of <paramref name=\"imports\"/> is null (set with <c>null!</c>): it is named before any guest code runs.");
        }

        writer.WriteLine($"public static {GuestEmitter.ClassName} Instantiate(global::WitHost.Wamr.WamrModule module, Imports imports, global::WitHost.Wamr.InstanceOptions? options = null)");
        writer.OpenBlock();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(module);");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(imports);");
        writer.WriteLine();
        writer.WriteLine("// A guest that does not match the world is refused before any of its code runs.");
        writer.WriteLine($"{GuestContractEmitter.FieldName}.Enforce(module);");
        writer.WriteLine();
        writer.WriteLine("// One closure per import, made once per instance: a call from the guest reaches this");
        writer.WriteLine("// instance's implementation without allocating.");
        writer.WriteLine("var table_ = new global::WitHost.Wamr.Hosting.HostImports();");
        var tablesArgument = "";
        if (hasTables)
        {
            writer.WriteLine($"var resources_ = new {TablesClassName}((options ?? global::WitHost.Wamr.InstanceOptions.Default).MaxHandlesPerTable);");
            tablesArgument = "resources_, ";
        }

        foreach (var resource in world.ResourceTables)
        {
            // The guest gives up its handle: the table disposes an own object that is IDisposable.
            var dropName = CallEmitter.Literal(resource.CoreModule + "#" + resource.DropName);
            writer.WriteLine($"table_.Define({CallEmitter.Literal(resource.CoreModule)}, {CallEmitter.Literal(resource.DropName)}, call_ => resources_.{resource.FieldName}.Drop(call_.Instance, call_.GetInt32(0), {dropName}));");
            for (var i = 0; i < resource.Methods.Count; i++)
            {
                var call = resource.Methods[i];
                writer.WriteLine(call.IsAsync
                    ? $"{AsyncHostImports}.DefineAsync(table_, {CallEmitter.Literal(call.CoreModule!)}, {CallEmitter.Literal(AsyncCallEmitter.LoweredFunctionName(call))}, (call_, cancellationToken_) => {resource.EntryNames[i]}(resources_, call_, cancellationToken_));"
                    : $"table_.Define({CallEmitter.Literal(call.CoreModule!)}, {CallEmitter.Literal(call.CoreName)}, call_ => {resource.EntryNames[i]}(resources_, call_));");
            }
        }

        foreach (var resource in world.RepTables)
        {
            var module = CallEmitter.Literal(resource.CoreModule);
            var table = "resources_." + resource.FieldName;
            writer.WriteLine($"table_.Define({module}, {CallEmitter.Literal(resource.NewName)}, call_ => call_.SetResult({table}.New(call_.GetUInt32(0))));");
            writer.WriteLine($"table_.Define({module}, {CallEmitter.Literal(resource.RepName)}, call_ => call_.SetResult({table}.Rep(call_.Instance, call_.GetInt32(0), {CallEmitter.Literal(resource.CoreModule + "#" + resource.RepName)})));");
            writer.WriteLine($"table_.Define({module}, {CallEmitter.Literal(resource.DropName)}, call_ => {resource.DropEntryName}({table}, call_));");
        }

        foreach (var property in world.ImportProperties)
        {
            if (property.Calls.IsEmpty)
            {
                continue;
            }

            // A property set to null! would otherwise fail inside an import entry, at the guest's first call.
            var local = "implementation" + property.Name + "_";
            var missing = NullImportMessage(world, property);
            writer.WriteLine($"var {local} = imports.{property.Name} ?? throw new global::System.ArgumentException({CallEmitter.Literal(missing)}, nameof(imports));");
            foreach (var call in property.Calls)
            {
                writer.WriteLine(call.IsAsync
                    ? $"{AsyncHostImports}.DefineAsync(table_, {CallEmitter.Literal(call.CoreModule!)}, {CallEmitter.Literal(AsyncCallEmitter.LoweredFunctionName(call))}, (call_, cancellationToken_) => {call.EntryName}({local}, {tablesArgument}call_, cancellationToken_));"
                    : $"table_.Define({CallEmitter.Literal(call.CoreModule!)}, {CallEmitter.Literal(call.CoreName)}, call_ => {call.EntryName}({local}, {tablesArgument}call_));");
            }
        }

        if (!world.Contract.Channels.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine("// The async built-ins (waitable sets, subtasks, task.return…), and those of the streams and");
            writer.WriteLine("// futures of the world's functions ([stream-read-N]f…), served per instance.");
            writer.WriteLine("global::WitHost.Wamr.Async.AsyncBuiltins.AddChannelBuiltins(table_, new global::WitHost.Wamr.Async.ChannelType[]");
            writer.OpenBlock();
            foreach (var channel in world.Contract.Channels)
            {
                writer.WriteLine($"new({CallEmitter.Literal(channel.Module)}, {CallEmitter.Literal(channel.Function)}, {channel.Index}, IsFuture: {Bool(channel.IsFuture)}, {CallEmitter.Literal(channel.ElementName)}, {CallEmitter.Literal(channel.ElementStructure)}, {channel.ElementSize}, {channel.ElementAlignment}, ElementIsNumber: {Bool(channel.ElementIsNumber)}, ElementIsBytes: {Bool(channel.ElementIsBytes)}),");
            }

            writer.CloseBlock(");");
        }
        else if (UsesAsync(world))
        {
            writer.WriteLine();
            writer.WriteLine("// The async built-ins (waitable sets, subtasks, task.return…), served per instance.");
            writer.WriteLine("global::WitHost.Wamr.Async.AsyncBuiltins.AddTo(table_);");
        }

        writer.WriteLine();
        writer.WriteLine("var instance_ = module.Instantiate(table_, options);");
        writer.WriteLine("try");
        writer.OpenBlock();
        if (!world.ResourceTables.IsEmpty)
        {
            writer.WriteLine("// The host objects the guest still owns are disposed with the instance.");
            foreach (var resource in world.ResourceTables)
            {
                writer.WriteLine($"instance_.AttachHostObjects(resources_.{resource.FieldName});");
            }
        }

        writer.WriteLine($"return new {GuestEmitter.ClassName}(instance_{(hasTables ? ", resources_" : "")});");
        writer.CloseBlock();
        writer.WriteLine("catch");
        writer.OpenBlock();
        writer.WriteLine("// Wrapping the instance failed: do not leak it.");
        writer.WriteLine("instance_.Dispose();");
        writer.WriteLine("throw;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string NullImportMessage(WorldBinding world, ImportPropertyBinding property)
    {
        var import = property.WitName == "$root" ? "the functions the world " + world.WorldQualifiedName + " imports" : "the import " + property.WitName;
        return $"{world.Spec.ClassName}.Imports.{property.Name} is null; it must implement {import}.";
    }

    private static void EmitImportEntry(SourceWriter writer, WorldBinding world, ImportPropertyBinding property, CallBinding call)
    {
        writer.WriteLine($"// The guest's call of {DocCommentWriter.Escape(property.WitName == "$root" ? call.WitName : property.WitName + "#" + call.WitName)}.");
        var tables = HasTables(world) ? $"{TablesClassName} resources_, " : "";
        if (call.IsAsync)
        {
            EmitAsyncImportEntry(writer, world, call, call.EntryName!, $"{property.Type} implementation_, {tables}");
            return;
        }

        writer.WriteLine($"private static void {call.EntryName}({property.Type} implementation_, {tables}global::WitHost.Wamr.Hosting.HostCallContext call_)");
        writer.OpenBlock();
        CallEmitter.EmitImportBody(writer, call, "implementation_", "resources_", world.Spec.Encoding);
        writer.CloseBlock();
    }

    private static void EmitMethodEntry(SourceWriter writer, WorldBinding world, CallBinding call, string entryName)
    {
        writer.WriteLine($"// The guest's call of {DocCommentWriter.Escape(call.CoreModule == CoreNames.RootModule ? call.WitName : call.CoreModule + "#" + call.WitName)}.");
        if (call.IsAsync)
        {
            EmitAsyncImportEntry(writer, world, call, entryName, $"{TablesClassName} resources_, ");
            return;
        }

        writer.WriteLine($"private static void {entryName}({TablesClassName} resources_, global::WitHost.Wamr.Hosting.HostCallContext call_)");
        writer.OpenBlock();
        CallEmitter.EmitImportBody(writer, call, "", "resources_", world.Spec.Encoding);
        writer.CloseBlock();
    }

    private const string AsyncHostImports = "global::WitHost.Wamr.Async.AsyncHostImports";

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>True when a guest of the world may import the async built-ins: it has async functions, or moves streams, futures or error contexts.</summary>
    public static bool UsesAsync(WorldBinding world)
        => world.Contract.Imports.Any(import => import.Module == CoreNames.RootModule && import.Name == "[waitable-set-new]")
        || world.ImportProperties.Any(property => property.Calls.Any(call => call.IsAsync))
        || world.ResourceTables.Any(resource => resource.Methods.Any(call => call.IsAsync))
        || world.ExportFunctions.Any(call => call.IsAsync)
        || world.ExportInterfaces.Any(exported => exported.Calls.Any(call => call.IsAsync));

    // An async import: the entry starts the host's task (the guest gets a subtask), and a second
    // method lowers its result when the guest is told it returned.
    private static void EmitAsyncImportEntry(SourceWriter writer, WorldBinding world, CallBinding call, string entryName, string leadingParameters)
    {
        var hasTables = HasTables(world);
        var resultEntry = AsyncCallEmitter.ResultEntryName(entryName);
        writer.WriteLine($"private static global::System.Threading.Tasks.Task<global::WitHost.Wamr.Async.AsyncResultWriter?> {entryName}({leadingParameters}global::WitHost.Wamr.Hosting.HostCallContext call_, global::System.Threading.CancellationToken cancellationToken_)");
        writer.OpenBlock();
        var discardEntry = AsyncCallEmitter.DiscardEntryName(call, entryName);
        AsyncCallEmitter.EmitImportBody(writer, call, "implementation_", "resources_", hasTables, world.Spec.Encoding, resultEntry, discardEntry);
        writer.CloseBlock();
        if (call.Result is not { } result)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"// The result of {DocCommentWriter.Escape(call.WitName)}, written where the guest's out-pointer says when it learns the subtask returned.");
        var tables = hasTables ? $"{TablesClassName} resources_, " : "";
        writer.WriteLine($"private static void {resultEntry}(global::WitHost.Wamr.WamrInstance instance_, {tables}uint resultArea_, {result.CSharpType} result_)");
        writer.OpenBlock();
        AsyncCallEmitter.EmitResultBody(writer, call, hasTables ? "resources_" : null, world.Spec.Encoding);
        writer.CloseBlock();
        if (discardEntry is null)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"// The result of {DocCommentWriter.Escape(call.WitName)} when the guest never takes it (its instance trapped or was disposed first): its streams end with why, its owned resources are released.");
        writer.WriteLine($"private static void {discardEntry}({result.CSharpType} result_, global::System.Exception reason_)");
        writer.OpenBlock();
        AsyncCallEmitter.EmitDiscardBody(writer, call);
        writer.CloseBlock();
    }
}
