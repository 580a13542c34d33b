using WitHost.Generator.Model;

namespace WitHost.Generator.Emitting;

/// <summary>
/// Writes the class <c>Instantiate</c> returns: it owns the <c>WamrInstance</c>, has one property
/// per exported interface (a nested class of wrappers) and a wrapper per function the world exports.
/// </summary>
internal static class GuestEmitter
{
    /// <summary>The nested class name.</summary>
    public const string ClassName = "Guest";

    private const string WamrInstance = "global::WitHost.Wamr.WamrInstance";
    private const string WamrFunction = "global::WitHost.Wamr.WamrFunction";
    private const string ScalarExport = "global::WitHost.Wamr.Bindings.ScalarExport";

    public static string HintName(HostSpec spec) => HostClassWriter.HintName(spec, "Guest");

    public static string Emit(WorldBinding world)
    {
        var spec = world.Spec;
        var writer = new SourceWriter();
        HostClassWriter.Open(writer, spec);
        DocCommentWriter.WriteSummary(writer, world.Docs, $"An instance of a guest of <c>{DocCommentWriter.Escape(world.WorldQualifiedName)}</c>, with typed calls of its exports.");
        writer.WriteLine(GeneratedCodeAttribute.Line);
        writer.WriteLine($"public sealed class {ClassName} : global::System.IDisposable");
        writer.OpenBlock();
        var hasTables = HostEmitter.HasTables(world);
        EmitFields(writer, world.ExportFunctions, hasTables);
        writer.WriteLine();
        writer.WriteLine($"internal {ClassName}({WamrInstance} instance{TablesParameter(hasTables)})");
        writer.OpenBlock();
        writer.WriteLine("Instance = instance;");
        writer.WriteLine("_wamr = instance;");
        if (hasTables)
        {
            writer.WriteLine("_resources = resources;");
        }

        foreach (var exported in world.ExportInterfaces)
        {
            writer.WriteLine($"{exported.PropertyName} = new {exported.ClassName}(instance{(hasTables ? ", resources" : "")});");
        }

        foreach (var exported in world.ExportInterfaces)
        {
            foreach (var resource in exported.Resources)
            {
                // Handles the instance's calls lift are made with the interface class that calls their methods.
                writer.WriteLine($"resources.{resource.CallsField} = {exported.PropertyName};");
            }
        }

        EmitLookups(writer, world.ExportFunctions, FunctionField, world.WorldQualifiedName);
        writer.CloseBlock();
        writer.WriteLine();
        DocCommentWriter.WriteSummary(writer, null, "The runtime instance: its memory, its exports as core functions.");
        writer.WriteLine($"public {WamrInstance} Instance {{ get; }}");
        foreach (var exported in world.ExportInterfaces)
        {
            writer.WriteLine();
            DocCommentWriter.WriteSummary(writer, exported.Docs, $"The exported interface <c>{DocCommentWriter.Escape(exported.WitName)}</c>.");
            writer.WriteLine($"public {exported.ClassName} {exported.PropertyName} {{ get; }}");
        }

        EmitWrappers(writer, world.ExportFunctions, spec.Encoding, world.WorldQualifiedName);
        writer.WriteLine();
        DocCommentWriter.WriteSummary(writer, null, "Frees the instance.");
        writer.WriteLine("public void Dispose() => Instance.Dispose();");
        foreach (var exported in world.ExportInterfaces)
        {
            writer.WriteLine();
            EmitInterfaceClass(writer, exported, hasTables, spec.Encoding, world.WorldQualifiedName);
        }

        writer.CloseBlock();
        HostClassWriter.Close(writer, spec);
        return writer.ToString();
    }

    private static string TablesParameter(bool hasTables) => hasTables ? $", {HostEmitter.TablesClassName} resources" : "";

    private static void EmitInterfaceClass(SourceWriter writer, ExportInterfaceBinding exported, bool hasTables, StringEncodingKind encoding, string worldName)
    {
        DocCommentWriter.WriteSummary(writer, exported.Docs, $"Calls of the exported interface <c>{DocCommentWriter.Escape(exported.WitName)}</c>.");
        writer.WriteLine(GeneratedCodeAttribute.Line);
        // A C#-first export's class implements the user's interface; each guest resource's handle
        // class calls its methods through the ICalls this class implements.
        var implemented = (exported.ImplementedInterface is null ? Enumerable.Empty<string>() : new[] { exported.ImplementedInterface })
            .Concat(exported.Resources.Select(resource => resource.CSharpType + ".ICalls"))
            .ToList();
        writer.WriteLine($"public sealed class {exported.ClassName}{(implemented.Count == 0 ? "" : " : " + string.Join(", ", implemented))}");
        writer.OpenBlock();
        EmitFields(writer, exported.Calls, hasTables);
        foreach (var resource in exported.Resources)
        {
            EmitFunctionFields(writer, resource.Methods, call => MethodField(resource, call));
        }

        writer.WriteLine();
        writer.WriteLine($"internal {exported.ClassName}({WamrInstance} instance{TablesParameter(hasTables)})");
        writer.OpenBlock();
        writer.WriteLine("_wamr = instance;");
        if (hasTables)
        {
            writer.WriteLine("_resources = resources;");
        }

        EmitLookups(writer, exported.Calls, FunctionField, worldName);
        foreach (var resource in exported.Resources)
        {
            EmitLookups(writer, resource.Methods, call => MethodField(resource, call), worldName);
        }

        writer.CloseBlock();
        EmitWrappers(writer, exported.Calls, encoding, worldName);
        foreach (var resource in exported.Resources)
        {
            foreach (var call in resource.Methods)
            {
                // Implemented explicitly: the public method is the handle class's, without self.
                writer.WriteLine();
                var parameters = call.Parameters.Select(parameter => parameter.Type.CSharpType + " " + parameter.Name);
                if (call.IsAsync)
                {
                    var token = AsyncCallEmitter.CancellationTokenName(call);
                    writer.WriteLine($"{AsyncCallEmitter.ExportReturnType(call)} {resource.CSharpType}.ICalls.{call.MethodName}({string.Join(", ", parameters.Append("global::System.Threading.CancellationToken " + token))})");
                    writer.OpenBlock();
                    AsyncCallEmitter.EmitExportBody(writer, call, "_wamr", "_resources", encoding, token);
                    writer.CloseBlock();
                    continue;
                }

                writer.WriteLine($"{call.Result?.CSharpType ?? "void"} {resource.CSharpType}.ICalls.{call.MethodName}({string.Join(", ", parameters)})");
                writer.OpenBlock();
                var field = MethodField(resource, call);
                CallEmitter.EmitExportBody(writer, call, "_wamr", field, PostReturnField(field), "_resources", encoding, worldName);
                writer.CloseBlock();
            }
        }

        writer.CloseBlock();
    }

    private static void EmitFields(SourceWriter writer, IReadOnlyList<CallBinding> calls, bool hasTables)
    {
        writer.WriteLine($"private readonly {WamrInstance} _wamr;");
        if (hasTables)
        {
            writer.WriteLine($"private readonly {HostEmitter.TablesClassName} _resources;");
        }

        EmitFunctionFields(writer, calls, FunctionField);
    }

    private static void EmitFunctionFields(SourceWriter writer, IReadOnlyList<CallBinding> calls, Func<CallBinding, string> field)
    {
        // An async export is looked up by AsyncExportCall, with its callback, when called.
        foreach (var call in calls.Where(call => !call.IsAsync))
        {
            if (call.IsScalarExport)
            {
                // Bound with its post-return and checked against its cells once, at instantiation.
                writer.WriteLine($"private readonly {ScalarExport} {field(call)};");
                continue;
            }

            writer.WriteLine($"private readonly {WamrFunction} {field(call)};");

            // Looked up once: cabi_post_ is optional, and a lookup per call would allocate its name.
            writer.WriteLine($"private readonly {WamrFunction}? {PostReturnField(field(call))};");
        }
    }

    private static void EmitLookups(SourceWriter writer, IReadOnlyList<CallBinding> calls, Func<CallBinding, string> field, string worldName)
    {
        foreach (var call in calls.Where(call => !call.IsAsync))
        {
            if (call.IsScalarExport)
            {
                writer.WriteLine($"{field(call)} = {ScalarExport}.Bind(instance, {CallEmitter.Literal(call.CoreName)}, {CallEmitter.Literal(worldName)}, {CallEmitter.CellCount(call)});");
                continue;
            }

            writer.WriteLine($"{field(call)} = instance.GetFunction({CallEmitter.Literal(call.CoreName)});");
            writer.WriteLine($"{PostReturnField(field(call))} = instance.TryGetFunction({CallEmitter.Literal(call.PostReturnName)});");
        }
    }

    private static void EmitWrappers(SourceWriter writer, IReadOnlyList<CallBinding> calls, StringEncodingKind encoding, string worldName)
    {
        foreach (var call in calls)
        {
            writer.WriteLine();
            if (call.IsAsync)
            {
                EmitAsyncWrapper(writer, call, encoding);
                continue;
            }

            DocCommentWriter.WriteGuestCall(writer, call.Docs, call.WitName, call.Parameters.Select(parameter => parameter.Name), call.Result is not null);

            var parameters = string.Join(", ", call.Parameters.Select(parameter => parameter.Type.CSharpType + " " + parameter.Name));
            writer.WriteLine($"public {call.Result?.CSharpType ?? "void"} {call.MethodName}({parameters})");
            writer.OpenBlock();
            CallEmitter.EmitExportBody(writer, call, "_wamr", FunctionField(call), PostReturnField(FunctionField(call)), "_resources", encoding, worldName);
            writer.CloseBlock();

            if (Utf8Overload.For(call) is { } utf8)
            {
                writer.WriteLine();
                utf8.WriteSignature(writer, call);
                writer.OpenBlock();
                CallEmitter.EmitExportBody(writer, call, "_wamr", FunctionField(call), PostReturnField(FunctionField(call)), "_resources", encoding, worldName, utf8);
                writer.CloseBlock();
            }
        }
    }

    // An async func: a task that ends when the guest's task returns (docs/async.md).
    private static void EmitAsyncWrapper(SourceWriter writer, CallBinding call, StringEncodingKind encoding)
    {
        var token = AsyncCallEmitter.CancellationTokenName(call);
        DocCommentWriter.WriteGuestCall(writer, call.Docs, call.WitName, call.Parameters.Select(parameter => parameter.Name), returnsValue: false);
        DocCommentWriter.WriteParam(writer, token, null, "Cancels the call: the guest is told, and the task ends cancelled when the guest answers with task.cancel (or with the result, when it returns anyway).");
        DocCommentWriter.WriteReturns(writer, call.Result is null ? "A task that ends when the guest's task returns." : "A task that ends with the guest's result.");
        var parameters = call.Parameters.Select(parameter => parameter.Type.CSharpType + " " + parameter.Name)
            .Append($"global::System.Threading.CancellationToken {token} = default");
        writer.WriteLine($"public {AsyncCallEmitter.ExportReturnType(call)} {call.MethodName}({string.Join(", ", parameters)})");
        writer.OpenBlock();
        AsyncCallEmitter.EmitExportBody(writer, call, "_wamr", "_resources", encoding, token);
        writer.CloseBlock();
    }

    private static string FunctionField(CallBinding call) => "_" + char.ToLowerInvariant(call.MethodName[0]) + call.MethodName.Substring(1);

    private static string PostReturnField(string functionField) => functionField + "PostReturn";

    // `_counter_Increment`: no field of a freestanding function has an underscore inside, so the
    // method `get` of a resource and a function `get` of its interface do not clash.
    private static string MethodField(GuestResourceCallsBinding resource, CallBinding call)
    {
        var className = resource.CSharpType.Substring(resource.CSharpType.LastIndexOf('.') + 1);
        return "_" + char.ToLowerInvariant(className[0]) + className.Substring(1) + "_" + call.MethodName;
    }
}
