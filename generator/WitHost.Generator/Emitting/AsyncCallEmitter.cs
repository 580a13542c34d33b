using WitHost.Generator.Model;
using WitHost.Wit.Abi;

namespace WitHost.Generator.Emitting;

/// <summary>
/// Writes the calls of <c>async func</c>s, in the stages of <see cref="CallEmitter"/>: an export
/// wrapper hands <c>AsyncExportCall</c> a lowering of its arguments (run when the guest's task
/// starts) and a reader of the result the guest passes to <c>task.return</c>; an import entry
/// lifts the guest's arguments, starts the host's <c>ValueTask</c> and lowers its result into the
/// guest's out-pointer when the guest is told the subtask returned. The values move with the same
/// marshalling as synchronous calls (<see cref="MarshalEmitter"/>).
/// </summary>
internal static class AsyncCallEmitter
{
    private const string Support = "global::WitHost.Wamr.Bindings.BindingSupport";
    private const string WasmValue = "global::WitHost.Wamr.WasmValue";
    private const string AsyncExportCall = "global::WitHost.Wamr.Async.AsyncExportCall";
    private const string AsyncHostImports = "global::WitHost.Wamr.Async.AsyncHostImports";

    /// <summary>The name of the method that lowers the result of async import entry <paramref name="entryName"/>.</summary>
    public static string ResultEntryName(string entryName) => "Lower" + entryName;

    /// <summary>The method that ends the streams and owned resources of an async import's result its guest never takes; null when the result holds none.</summary>
    public static string? DiscardEntryName(CallBinding call, string entryName) => call.Result is { } result && MarshalEmitter.HoldsHostMade(result) ? "Discard" + entryName : null;

    /// <summary>The body of <see cref="DiscardEntryName"/>: every stream in <c>result_</c> ends with <c>reason_</c>, every owned resource object is released.</summary>
    public static void EmitDiscardBody(SourceWriter writer, CallBinding call)
    {
        new MarshalEmitter(writer, "context_", "instance_", ImportName(call), "resources_").DiscardHostMade(call.Result!, "result_", "reason_");
    }

    /// <summary>The core function name <c>AsyncHostImports.DefineAsync</c> takes: the import's, without <c>[async-lower]</c>.</summary>
    public static string LoweredFunctionName(CallBinding call) => call.CoreName.Substring(CoreNames.AsyncLowerPrefix.Length);

    /// <summary>The C# return type of an async export wrapper.</summary>
    public static string ExportReturnType(CallBinding call)
    {
        var task = call.ReturnsValueTask ? "global::System.Threading.Tasks.ValueTask" : "global::System.Threading.Tasks.Task";
        return call.Result is { } result ? $"{task}<{result.CSharpType}>" : task;
    }

    /// <summary>The name of an async export wrapper's cancellation token parameter.</summary>
    public static string CancellationTokenName(CallBinding call)
        => Binding.CSharpNames.CancellationTokenParameter(call.Parameters.Select(parameter => parameter.Name));

    /// <summary>
    /// The body of an async export wrapper on instance <paramref name="instance"/> with resource
    /// tables <paramref name="tables"/>; <paramref name="cancellationToken"/> names the wrapper's token.
    /// </summary>
    public static void EmitExportBody(SourceWriter writer, CallBinding call, string instance, string tables, StringEncodingKind encoding, string cancellationToken)
    {
        var name = CallEmitter.Literal(call.CoreName);

        // A null where WIT has no option is refused before the guest's task exists.
        var nullChecks = false;
        foreach (var parameter in call.Parameters)
        {
            if (CallEmitter.IsReference(parameter.Type))
            {
                writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
                nullChecks = true;
            }

            nullChecks |= CallEmitter.EmitForeignResourceCheck(writer, parameter);
        }

        if (nullChecks)
        {
            writer.WriteLine();
        }

        var resultType = call.Result?.CSharpType ?? "global::WitHost.Unit";

        // A borrow of the guest's own resource (a method's self) is lent to the whole task, as the
        // spec's lift_borrow lends it until the callee returns: taken now, ended when the task ends.
        var lent = call.Parameters.Where(parameter => parameter.Type.Kind == AbiTypeKind.ExportedBorrow).ToList();
        var lentReps = lent.ToDictionary(parameter => parameter.Name, parameter => parameter.Name.TrimStart('@') + "Rep_");

        // So is every borrow of the guest's resources nested in the arguments, lent as it is lowered.
        var lends = call.LendsNestedGuestBorrows ? "lends_" : null;
        if (lent.Count == 0 && lends is null && !call.ReturnsValueTask)
        {
            EmitInvoke(writer, call, instance, tables, encoding, cancellationToken, lentReps, lends, "return ");
            return;
        }

        if (lent.Count > 0 || lends is not null)
        {
            writer.WriteLine("// The guest's task borrows these handles until it returns: they stay alive that long (a");
            writer.WriteLine("// Dispose meanwhile runs the guest's destructor when the task ends).");
        }

        if (lends is not null)
        {
            writer.WriteLine($"var {lends} = new global::WitHost.Wamr.Bindings.TaskLends();");
        }

        writer.WriteLine($"global::System.Threading.Tasks.Task<{resultType}> task_;");
        foreach (var parameter in lent)
        {
            writer.WriteLine($"var {lentReps[parameter.Name]} = {CallEmitter.GuestHandleOf(parameter)}.Handle.LendToTask({instance}, {name});");
            writer.WriteLine("try");
            writer.OpenBlock();
        }

        if (lends is not null)
        {
            writer.WriteLine("try");
            writer.OpenBlock();
        }

        EmitInvoke(writer, call, instance, tables, encoding, cancellationToken, lentReps, lends, "task_ = ");
        if (lends is not null)
        {
            writer.CloseBlock();
            writer.WriteLine("catch");
            writer.OpenBlock();
            writer.WriteLine($"{lends}.End();");
            writer.WriteLine("throw;");
            writer.CloseBlock();
        }

        for (var i = lent.Count - 1; i >= 0; i--)
        {
            writer.CloseBlock();
            writer.WriteLine("catch");
            writer.OpenBlock();
            writer.WriteLine($"{CallEmitter.GuestHandleOf(lent[i])}.Handle.EndTaskLend();");
            writer.WriteLine("throw;");
            writer.CloseBlock();
        }

        if (lent.Count > 0 || lends is not null)
        {
            writer.WriteLine();
        }

        var result = lends is null ? "task_" : $"{lends}.EndWhenDone(task_)";
        foreach (var parameter in lent)
        {
            result = $"{CallEmitter.GuestHandleOf(parameter)}.Handle.EndTaskLendWhenDone({result})";
        }

        writer.WriteLine(call.ReturnsValueTask ? $"return new {ExportReturnType(call)}({result});" : $"return {result};");
    }

    // The call of AsyncExportCall: its lowering of the arguments, its reader of the result.
    private static void EmitInvoke(
        SourceWriter writer,
        CallBinding call,
        string instance,
        string tables,
        StringEncodingKind encoding,
        string cancellationToken,
        IReadOnlyDictionary<string, string> lentReps,
        string? lends,
        string assignment)
    {
        var name = CallEmitter.Literal(call.CoreName);
        var context = "context_";
        var lowersIntoMemory = call.ParamsInMemory || call.Parameters.Any(parameter => parameter.Type.NeedsMemory);
        var resultType = call.Result?.CSharpType ?? "global::WitHost.Unit";
        // The arguments travel beside the lowering (a lent borrow as its rep), so that the lowering
        // captures no parameter: a lowering that captures nothing is one delegate for every call.
        var names = call.Parameters.Select(parameter => lentReps.TryGetValue(parameter.Name, out var rep) ? rep : parameter.Name).ToList();
        var types = call.Parameters.Select(parameter => lentReps.ContainsKey(parameter.Name) ? "uint" : parameter.Type.CSharpType).ToList();
        var (argumentsType, arguments, argumentsParameter) = names.Count switch
        {
            0 => ("global::WitHost.Unit", "global::WitHost.Unit.Value", "arguments_"),
            1 => (types[0], names[0], names[0]),
            _ => ($"({string.Join(", ", types)})", $"({string.Join(", ", names)})", "arguments_"),
        };
        writer.WriteLine("// The guest's task starts (after any backpressure) with the arguments lowered then, owning");
        writer.WriteLine("// the instance; between its steps no thread waits. The task ends at the guest's task.return.");
        writer.WriteLine($"{assignment}{AsyncExportCall}.InvokeAsync<{argumentsType}, {resultType}>({instance}, {name}, {arguments}, (instance_, {argumentsParameter}, flat_) =>");
        writer.OpenBlock();
        if (names.Count > 1)
        {
            writer.WriteLine($"var ({string.Join(", ", names)}) = arguments_;");
        }

        foreach (var parameter in call.Parameters.Where(parameter => parameter.Type.Kind is AbiTypeKind.ExportedOwn or AbiTypeKind.ExportedBorrow && !lentReps.ContainsKey(parameter.Name)))
        {
            writer.WriteLine($"{CallEmitter.GuestHandleOf(parameter)}.Handle.Check(instance_, {name});");
        }

        if (lowersIntoMemory)
        {
            writer.WriteLine($"var {context} = {Support}.Context(instance_, {CallEmitter.EncodingExpression(encoding)}, {name});");
        }

        writer.WriteLine(lowersIntoMemory
            ? "// Marshal: strings and lists are copied into blocks from the guest's cabi_realloc, in parameter order."
            : "// Marshal: the arguments are core values.");
        var journaled = call.Parameters.Any(parameter => CallEmitter.ChangesTables(parameter.Type));
        if (journaled)
        {
            CallEmitter.OpenJournaled(writer, tables);
        }

        var marshal = new MarshalEmitter(writer, context, "instance_", name, tables, journaled ? "journal_" : null) { LentBorrows = lentReps, TaskLends = lends };
        var flat = new List<string>();
        if (call.ParamsInMemory)
        {
            writer.WriteLine($"// The parameters flatten to more than {CoreFunctionSignature.MaxFlatParams} core values: they go as a tuple in memory.");
            writer.WriteLine($"var arguments_ = {context}.Allocate({call.ParamsAlignment}, {call.ParamsSize});");
            for (var i = 0; i < call.Parameters.Count; i++)
            {
                marshal.LoweredParameter = call.Parameters[i].Name;
                marshal.Store(call.Parameters[i].Type, call.Parameters[i].Name, MarshalEmitter.Offset("arguments_", call.ParamOffsets[i]));
            }

            flat.Add("arguments_");
        }
        else
        {
            foreach (var parameter in call.Parameters)
            {
                marshal.LoweredParameter = parameter.Name;
                flat.AddRange(marshal.LowerFlat(parameter.Type, parameter.Name));
            }
        }

        for (var i = 0; i < flat.Count; i++)
        {
            writer.WriteLine($"flat_[{i}] = {WasmValue}.{FromFlat(call.CoreParams[i])}({flat[i]});");
        }

        if (journaled)
        {
            writer.WriteLine("journal_.Commit(mark_);");
            CallEmitter.CloseJournaledTry(writer);
        }

        var first = true;
        foreach (var table in call.BorrowTables)
        {
            if (first)
            {
                writer.WriteLine("// The borrows just lowered are the task's alone (tasks of the instance run concurrently):");
                writer.WriteLine("// task.return and task.cancel check that the guest dropped them; a trap or exit ends them.");
                first = false;
            }

            writer.WriteLine($"{tables}.{table}.LendBorrowsToTask(instance_);");
        }

        writer.CloseBlock(",");
        writer.WriteLine("call_ =>");
        writer.OpenBlock();
        if (call.Result is not { } result)
        {
            writer.WriteLine("return default;");
        }
        else
        {
            writer.WriteLine("// Unmarshal the result the guest passes to task.return; what it points at is valid during that call.");
            var reader = new MarshalEmitter(writer, context, "call_.Instance", name, tables);
            if (result.NeedsMemory || call.ResultsInMemory)
            {
                writer.WriteLine($"var {context} = {Support}.Context(call_.Instance, {CallEmitter.EncodingExpression(encoding)}, {name});");
            }

            string lifted;
            if (call.ResultsInMemory)
            {
                writer.WriteLine($"// The result flattens to more than {CoreFunctionSignature.MaxFlatParams} core values: task.return gets a pointer to it.");
                writer.WriteLine("var returnArea_ = call_.GetUInt32(0);");
                writer.WriteLine($"{context}.CheckRange(returnArea_, {result.Size}, {result.Alignment}, \"task.return result at\");");
                lifted = reader.Load(result, "returnArea_");
            }
            else
            {
                var locals = new List<string>();
                for (var i = 0; i < call.TaskReturnParams.Count; i++)
                {
                    var local = "result" + i + "_";
                    writer.WriteLine($"{MarshalEmitter.FlatType(call.TaskReturnParams[i])} {local} = call_.{CallEmitter.Getter(call.TaskReturnParams[i])}({i});");
                    locals.Add(local);
                }

                lifted = reader.LiftFlat(result, locals);
            }

            writer.WriteLine($"return {lifted};");
        }

        writer.CloseBlock($", {cancellationToken});");
    }

    /// <summary>
    /// The body of an async import entry: <paramref name="implementation"/> is the host object,
    /// <c>call_</c> the guest's call, <c>cancellationToken_</c> cancelled with the guest's subtask.
    /// It returns the task <c>AsyncHostImports.DefineAsync</c> serves the guest with.
    /// </summary>
    public static void EmitImportBody(SourceWriter writer, CallBinding call, string implementation, string tables, bool hasTables, StringEncodingKind encoding, string resultEntry, string? discardEntry)
    {
        var name = ImportName(call);
        var context = "context_";
        var marshal = new MarshalEmitter(writer, context, "call_.Instance", name, tables);
        if (call.ParamsInMemory || call.Parameters.Any(parameter => parameter.Type.NeedsMemory))
        {
            writer.WriteLine("// Setup");
            writer.WriteLine($"var {context} = {Support}.Context(call_.Instance, {CallEmitter.EncodingExpression(encoding)}, {name});");
            writer.WriteLine();
        }

        var arguments = new List<string>();
        var lends = new List<(string Table, string Handle)>();
        if (!call.Parameters.IsEmpty)
        {
            writer.WriteLine("// Unmarshal the guest's arguments now: they are valid only during its call.");
        }

        if (call.ParamsInMemory)
        {
            writer.WriteLine("var arguments_ = call_.GetUInt32(0);");
            writer.WriteLine($"{context}.CheckRange(arguments_, {call.ParamsSize}, {call.ParamsAlignment}, \"arguments at\");");
            for (var i = 0; i < call.Parameters.Count; i++)
            {
                arguments.Add(marshal.Load(call.Parameters[i].Type, MarshalEmitter.Offset("arguments_", call.ParamOffsets[i])));
            }
        }
        else
        {
            var flat = new List<string>();
            var count = call.ResultsInMemory ? call.CoreParams.Count - 1 : call.CoreParams.Count;
            for (var i = 0; i < count; i++)
            {
                var local = "argument" + i + "_";
                writer.WriteLine($"{MarshalEmitter.FlatType(call.CoreParams[i])} {local} = call_.{CallEmitter.Getter(call.CoreParams[i])}({i});");
                flat.Add(local);
            }

            var next = 0;
            foreach (var parameter in call.Parameters)
            {
                var take = flat.GetRange(next, parameter.Type.Flat.Count);
                next += take.Count;
                if (parameter.Type.Kind == AbiTypeKind.Borrow)
                {
                    // The guest lends its handle (a method's self) to the subtask until it returns:
                    // it may not drop it while the host's task uses the object.
                    var table = $"{tables}.{parameter.Type.ResourceTableName}";
                    var lent = marshal.Local("lent");
                    writer.WriteLine($"var {lent} = {table}.Lend(call_.Instance, (int){take[0]}, {name});");
                    arguments.Add(lent);
                    lends.Add((table, take[0]));
                    continue;
                }

                arguments.Add(marshal.LiftFlat(parameter.Type, take));
            }
        }

        if (call.Result is not null)
        {
            writer.WriteLine($"var resultArea_ = call_.GetUInt32({call.CoreParams.Count - 1});");
        }

        writer.WriteLine();
        writer.WriteLine("// Invoke the host's implementation: until its task ends, the guest has a subtask.");
        arguments.Add("cancellationToken_");
        var invocation = call.SelfResource is not null
            ? $"{arguments[0]}.{call.MethodName}({string.Join(", ", arguments.Skip(1))})"
            : $"{implementation}.{call.MethodName}({string.Join(", ", arguments)})";
        string subtask;
        if (call.Result is null)
        {
            subtask = $"{AsyncHostImports}.WhenDone({invocation})";
        }
        else
        {
            writer.WriteLine($"var work_ = {invocation};");
            // A result holding streams or owned resources the guest never takes (its instance went first) ends them.
            var discard = discardEntry is null ? "" : $", static (result_, reason_) => {discardEntry}(result_, reason_)";
            subtask = $"{AsyncHostImports}.WhenDone(work_, (instance_, result_) => {resultEntry}(instance_, {(hasTables ? tables + ", " : "")}resultArea_, result_){discard})";
        }

        foreach (var (table, handle) in lends)
        {
            subtask = $"{table}.EndLendWhenDone((int){handle}, {subtask})";
        }

        writer.WriteLine($"return {subtask};");
    }

    /// <summary>
    /// The body of the method that lowers an async import's result into the guest's out-pointer,
    /// when the guest is told its subtask returned (on the thread that owns the instance).
    /// <paramref name="tables"/> is the expression of the instance's resource tables, or null when
    /// the world has none.
    /// </summary>
    public static void EmitResultBody(SourceWriter writer, CallBinding call, string? tables, StringEncodingKind encoding)
    {
        var name = ImportName(call);
        var context = "context_";
        var resultType = call.Result!;
        if (CallEmitter.IsReference(resultType))
        {
            writer.WriteLine($"if (result_ is null) throw {Support}.NullResult({name});");
        }

        writer.WriteLine($"var {context} = {Support}.Context(instance_, {CallEmitter.EncodingExpression(encoding)}, {name});");
        writer.WriteLine($"{context}.CheckRange(resultArea_, {resultType.Size}, {resultType.Alignment}, \"out-pointer\");");
        // Handles a lowering that fails part-way had added are taken back, so that the result's
        // discard (HostResult) releases each object once, whether or not the lowering reached it.
        var journaled = tables is not null && CallEmitter.ChangesTables(resultType);
        if (journaled)
        {
            CallEmitter.OpenJournaled(writer, tables!);
        }

        var marshal = new MarshalEmitter(writer, context, "instance_", name, tables ?? "resources_", journaled ? "journal_" : null);
        marshal.Store(resultType, "result_", "resultArea_");
        if (journaled)
        {
            CallEmitter.CloseJournaled(writer);
        }
    }

    // The import as messages name it: its core module and name, as a C# literal.
    private static string ImportName(CallBinding call) => CallEmitter.Literal(call.CoreModule == CoreNames.RootModule ? call.CoreName : call.CoreModule + "#" + call.CoreName);

    private static string FromFlat(CoreValueType type) => type.Kind switch
    {
        CoreValueKind.I32 => "FromUInt32",
        CoreValueKind.I64 => "FromUInt64",
        CoreValueKind.F32 => "FromSingle",
        _ => "FromDouble",
    };
}
