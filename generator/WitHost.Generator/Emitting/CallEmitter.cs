using WitHost.Generator.Model;
using WitHost.Wit.Abi;

namespace WitHost.Generator.Emitting;

/// <summary>
/// Writes the body of one generated call in the fixed stages of dotnet/runtime's marshalling
/// generators: setup, marshal, invoke, unmarshal, cleanup. An export wrapper lowers the arguments
/// into the guest and lifts its result; an import entry lifts the guest's arguments, calls the
/// host's implementation and lowers its result.
/// </summary>
internal static class CallEmitter
{
    private const string Support = "global::WitHost.Wamr.Bindings.BindingSupport";
    private const string BitConverter = "global::System.BitConverter";

    /// <summary>The C# expression of the string encoding a host declared.</summary>
    public static string EncodingExpression(StringEncodingKind encoding)
        => "global::WitHost.Wamr.CanonicalAbi.StringEncoding." + encoding;

    /// <summary>
    /// The body of an export wrapper. <paramref name="function"/> and <paramref name="postReturn"/>
    /// are the fields holding the export and its <c>cabi_post_</c> function (or null);
    /// <paramref name="tables"/> the instance's resource tables. With <paramref name="utf8"/>, the
    /// body of that overload: top-level strings move as UTF-8 bytes.
    /// </summary>
    public static void EmitExportBody(SourceWriter writer, CallBinding call, string instance, string function, string postReturn, string tables, StringEncodingKind encoding, string worldName, Utf8Overload? utf8 = null)
    {
        if (call.IsScalarExport)
        {
            EmitScalarExportBody(writer, call, instance, function, tables);
            return;
        }

        var name = Literal(call.CoreName);
        var context = "context_";
        var cellCount = CellCount(call);

        var lowersIntoMemory = call.ParamsInMemory || call.Parameters.Any(parameter => parameter.Type.NeedsMemory);

        // A null where WIT has no option would fail half-way through lowering, after blocks were
        // allocated in the guest; check first. So are bytes that are not UTF-8.
        var nullChecks = false;
        foreach (var parameter in call.Parameters)
        {
            if (utf8 is not null && Utf8Overload.IsUtf8(parameter))
            {
                Utf8Overload.WriteArgumentCheck(writer, parameter);
                nullChecks = true;
            }
            else if (IsReference(parameter.Type))
            {
                writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({parameter.Name});");
                nullChecks = true;
            }

            nullChecks |= EmitForeignResourceCheck(writer, parameter);
        }

        // The UTF-8 overload's buffer writer for a string result (null for any other call).
        var resultWriter = utf8?.ResultWriter;
        if (resultWriter is not null)
        {
            writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({resultWriter});");
            nullChecks = true;
        }

        if (nullChecks)
        {
            writer.WriteLine();
        }

        // From here the call owns the instance until the guest has freed its result: another
        // thread's call in between could grow and move the memory or reuse the return area.
        writer.WriteLine("// The whole call owns the instance; another thread's call waits until it ends. Entering");
        writer.WriteLine("// an instance already on this thread's stack (from a host import it called) is a trap.");
        writer.WriteLine($"using var scope_ = {instance}.EnterExportCall({name}, {Literal(worldName)});");
        writer.WriteLine();

        // So is a handle of the guest's own resource that was disposed or belongs to another
        // instance (checked inside the call: another thread's call may move or dispose it).
        foreach (var parameter in call.Parameters.Where(parameter => parameter.Type.Kind is AbiTypeKind.ExportedOwn or AbiTypeKind.ExportedBorrow))
        {
            writer.WriteLine($"{GuestHandleOf(parameter)}.Handle.Check({instance}, {name});");
        }

        writer.WriteLine("// Setup: the cells hold the core arguments, then the core results.");
        writer.WriteLine($"global::System.Span<uint> cells_ = stackalloc uint[{cellCount}];");
        if (lowersIntoMemory)
        {
            writer.WriteLine($"var {context} = scope_.Context({EncodingExpression(encoding)}, {name});");
        }

        writer.WriteLine();
        writer.WriteLine(lowersIntoMemory
            ? "// Marshal: strings and lists are copied into blocks from the guest's cabi_realloc, in parameter order."
            : "// Marshal: the arguments are core values.");

        // Handles given to the guest change the instance's tables; if lowering fails half-way
        // (a null deep inside, a lone surrogate), the journal takes them back. It also holds the
        // loans of the guest's own resources passed as borrows, so the same one cannot be an own too.
        var journaled = call.Parameters.Any(parameter => ChangesTables(parameter.Type));
        if (journaled)
        {
            OpenJournaled(writer, tables);
        }

        var marshal = new MarshalEmitter(writer, context, instance, name, tables, journaled ? "journal_" : null);
        if (call.ParamsInMemory)
        {
            writer.WriteLine($"// The parameters flatten to more than {CoreFunctionSignature.MaxFlatParams} core values: they go as a tuple in memory.");
            writer.WriteLine($"var arguments_ = {context}.Allocate({call.ParamsAlignment}, {call.ParamsSize});");
            for (var i = 0; i < call.Parameters.Count; i++)
            {
                marshal.LoweredParameter = call.Parameters[i].Name;
                var address = MarshalEmitter.Offset("arguments_", call.ParamOffsets[i]);
                if (utf8 is not null && Utf8Overload.IsUtf8(call.Parameters[i]))
                {
                    marshal.StoreUtf8String(call.Parameters[i].Name, address);
                }
                else
                {
                    marshal.Store(call.Parameters[i].Type, call.Parameters[i].Name, address);
                }
            }

            writer.WriteLine("cells_[0] = arguments_;");
        }
        else
        {
            var flat = new List<string>();
            foreach (var parameter in call.Parameters)
            {
                marshal.LoweredParameter = parameter.Name;
                flat.AddRange(utf8 is not null && Utf8Overload.IsUtf8(parameter)
                    ? marshal.LowerUtf8String(parameter.Name)
                    : marshal.LowerFlat(parameter.Type, parameter.Name));
            }

            WriteCells(writer, call.CoreParams, flat);
        }

        if (journaled)
        {
            CloseJournaled(writer);
        }

        writer.WriteLine();
        writer.WriteLine("// Invoke");
        if (!call.BorrowTables.Any())
        {
            writer.WriteLine($"scope_.InvokeCells({function}, cells_);");
        }
        else
        {
            // An exit skips the check below: the call is over, and the borrows it was lent end with it.
            writer.WriteLine("try");
            writer.OpenBlock();
            writer.WriteLine($"scope_.InvokeCells({function}, cells_);");
            writer.CloseBlock();
            writer.WriteLine("catch (global::WitHost.Wamr.WasmExitException)");
            writer.OpenBlock();
            writer.WriteLine("// The guest exited: its call is over, and the borrows lent to it end with it.");
            foreach (var table in call.BorrowTables)
            {
                writer.WriteLine($"{tables}.{table}.EndBorrows();");
            }

            writer.WriteLine("throw;");
            writer.CloseBlock();
        }

        var first = true;
        foreach (var table in call.BorrowTables)
        {
            if (first)
            {
                writer.WriteLine();
                writer.WriteLine("// The guest must have dropped every handle it borrowed for the call.");
                first = false;
            }

            writer.WriteLine($"{tables}.{table}.CheckBorrowsDropped({instance}, {name});");
        }

        string? result = null;
        if (call.Result is { } resultType)
        {
            writer.WriteLine();
            if (!(resultType.NeedsMemory || call.ResultsInMemory))
            {
                writer.WriteLine("// Unmarshal: the result is core values.");
            }
            else if (lowersIntoMemory)
            {
                writer.WriteLine("// Unmarshal: the guest ran, so its memory may have moved; look it up again.");
                writer.WriteLine($"{context}.Refresh();");
            }
            else
            {
                writer.WriteLine("// Unmarshal: the result is in the guest's memory.");
                writer.WriteLine($"var {context} = scope_.Context({EncodingExpression(encoding)}, {name});");
            }

            if (call.ResultsInMemory)
            {
                writer.WriteLine("// The result flattens to more than one core value: the guest returns a pointer to it.");
                writer.WriteLine("var returnArea_ = cells_[0];");
                writer.WriteLine($"{context}.CheckRange(returnArea_, {resultType.Size}, {resultType.Alignment}, \"the return area\");");
                result = resultWriter is not null
                    ? marshal.LoadUtf8String("returnArea_", resultWriter)
                    : marshal.Load(resultType, "returnArea_");
            }
            else
            {
                var flat = ReadCells(writer, marshal, call.CoreResults);
                result = resultWriter is not null ? marshal.LiftUtf8String(flat, resultWriter) : marshal.LiftFlat(resultType, flat);
            }
        }

        writer.WriteLine();
        writer.WriteLine("// Cleanup: the guest frees what it returned once the host has copied it.");
        writer.WriteLine($"if ({postReturn} is not null) scope_.InvokeCells({postReturn}, cells_);");
        if (result is not null)
        {
            writer.WriteLine($"return {result};");
        }
    }

    /// <summary>
    /// The body of a call of a <see cref="CallBinding.IsScalarExport"/> function: the core values
    /// into the cells, the runtime's <c>ScalarExport</c> in <paramref name="function"/>, the result
    /// out of the cells.
    /// </summary>
    private static void EmitScalarExportBody(SourceWriter writer, CallBinding call, string instance, string function, string tables)
    {
        writer.WriteLine("// Core values both ways: one entry into the instance owns it for the core call (and the");
        writer.WriteLine("// guest's post-return); entering an instance already on this thread's stack is a trap.");
        writer.WriteLine($"global::System.Span<uint> cells_ = stackalloc uint[{CellCount(call)}];");
        var marshal = new MarshalEmitter(writer, "context_", instance, Literal(call.CoreName), tables);
        var flat = new List<string>();
        foreach (var parameter in call.Parameters)
        {
            marshal.LoweredParameter = parameter.Name;
            flat.AddRange(marshal.LowerFlat(parameter.Type, parameter.Name));
        }

        WriteCells(writer, call.CoreParams, flat);
        writer.WriteLine($"{function}.Invoke(cells_);");
        if (call.Result is { } resultType)
        {
            writer.WriteLine($"return {marshal.LiftFlat(resultType, ReadCells(writer, marshal, call.CoreResults))};");
        }
    }

    /// <summary>
    /// Opens the <c>try</c> around a lowering whose changes to the handle tables
    /// <c>{tables}.Journal</c> records from <c>mark_</c>; <see cref="CloseJournaled"/> ends it.
    /// </summary>
    internal static void OpenJournaled(SourceWriter writer, string tables)
    {
        writer.WriteLine($"var journal_ = {tables}.Journal;");
        writer.WriteLine("var mark_ = journal_.Mark;");
        writer.WriteLine("try");
        writer.OpenBlock();
    }

    /// <summary>Ends <see cref="OpenJournaled"/>: a lowering that throws has its changes undone; one that ends has them committed.</summary>
    internal static void CloseJournaled(SourceWriter writer)
    {
        CloseJournaledTry(writer);
        writer.WriteLine();
        writer.WriteLine("journal_.Commit(mark_);");
    }

    /// <summary>Closes the <c>try</c> <see cref="OpenJournaled"/> opened with the <c>catch</c> that undoes the lowering's changes and rethrows.</summary>
    internal static void CloseJournaledTry(SourceWriter writer)
    {
        writer.CloseBlock();
        writer.WriteLine("catch");
        writer.OpenBlock();
        writer.WriteLine("journal_.Undo(mark_);");
        writer.WriteLine("throw;");
        writer.CloseBlock();
    }

    /// <summary>The cells a call's core arguments and results take (at least one).</summary>
    internal static int CellCount(CallBinding call) => Math.Max(Math.Max(Cells(call.CoreParams), Cells(call.CoreResults)), 1);

    /// <summary>
    /// The body of an import entry: <paramref name="implementation"/> is the host object, <c>call_</c>
    /// the host call, <paramref name="tables"/> the instance's resource tables.
    /// </summary>
    public static void EmitImportBody(SourceWriter writer, CallBinding call, string implementation, string tables, StringEncodingKind encoding)
    {
        var name = Literal(call.CoreModule == CoreNames.RootModule ? call.CoreName : call.CoreModule + "#" + call.CoreName);
        var context = "context_";
        var marshal = new MarshalEmitter(writer, context, "call_.Instance", name, tables);
        if (call.NeedsMemory)
        {
            writer.WriteLine("// Setup");
            writer.WriteLine($"var {context} = {Support}.Context(call_.Instance, {EncodingExpression(encoding)}, {name});");
            writer.WriteLine();
        }

        var arguments = new List<string>();
        if (!call.Parameters.IsEmpty)
        {
            writer.WriteLine("// Unmarshal the guest's arguments.");
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
                var local = marshal.Local("argument");
                writer.WriteLine($"{MarshalEmitter.FlatType(call.CoreParams[i])} {local} = call_.{Getter(call.CoreParams[i])}({i});");
                flat.Add(local);
            }

            var next = 0;
            foreach (var parameter in call.Parameters)
            {
                var take = flat.GetRange(next, parameter.Type.Flat.Count);
                next += take.Count;
                arguments.Add(marshal.LiftFlat(parameter.Type, take));
            }
        }

        if (!call.Parameters.IsEmpty)
        {
            writer.WriteLine();
        }

        writer.WriteLine("// Invoke the host's implementation.");
        var invocation = call.SelfResource is not null
            ? $"{arguments[0]}.{call.MethodName}({string.Join(", ", arguments.Skip(1))})"
            : $"{implementation}.{call.MethodName}({string.Join(", ", arguments)})";
        if (call.Result is not { } resultType)
        {
            writer.WriteLine(invocation + ";");
            return;
        }

        writer.WriteLine($"var result_ = {invocation};");
        if (IsReference(resultType))
        {
            writer.WriteLine($"if (result_ is null) throw {Support}.NullResult({name});");
        }

        writer.WriteLine();
        writer.WriteLine("// Marshal the result: strings and lists go into blocks from the guest's cabi_realloc.");
        if (call.ResultsInMemory || resultType.NeedsMemory)
        {
            writer.WriteLine("// The implementation may have called into the guest, which may have moved its memory.");
            writer.WriteLine($"{context}.Refresh();");
        }
        if (call.ResultsInMemory)
        {
            writer.WriteLine($"// The result flattens to more than one core value: it goes where the guest's out-pointer says.");
            writer.WriteLine($"var resultArea_ = call_.GetUInt32({call.CoreParams.Count - 1});");
            writer.WriteLine($"{context}.CheckRange(resultArea_, {resultType.Size}, {resultType.Alignment}, \"out-pointer\");");
            marshal.Store(resultType, "result_", "resultArea_");
        }
        else
        {
            var flat = marshal.LowerFlat(resultType, "result_");
            writer.WriteLine($"call_.SetResult({flat[0]});");
        }
    }

    // The kinds whose C# types are classes, interfaces or arrays: null is not a value of them.
    /// <summary>
    /// A parameter typed as a C#-first resource the guest implements is the user's interface, which
    /// classes other than the generated handle class can implement: such an object is refused before
    /// the call, naming the parameter. Returns whether a check was written.
    /// </summary>
    internal static bool EmitForeignResourceCheck(SourceWriter writer, AbiParameterBinding parameter)
    {
        if (parameter.Type.HandleClass is not { } handleClass)
        {
            return false;
        }

        var resourceType = Literal(parameter.Type.CSharpType.Replace("global::", ""));
        writer.WriteLine($"if ({parameter.Name} is not {handleClass}) throw {Support}.ForeignResourceArgument(nameof({parameter.Name}), {resourceType});");
        return true;
    }

    /// <summary>A parameter holding a handle of the guest's resource, as its handle class.</summary>
    internal static string GuestHandleOf(AbiParameterBinding parameter)
        => parameter.Type.HandleClass is { } handleClass ? $"(({handleClass}){parameter.Name})" : parameter.Name;

    internal static bool IsReference(AbiTypeBinding type)
        => type.Kind is AbiTypeKind.String or AbiTypeKind.List or AbiTypeKind.FixedList or AbiTypeKind.Map or AbiTypeKind.Record or AbiTypeKind.Variant
            or AbiTypeKind.Own or AbiTypeKind.Borrow or AbiTypeKind.ExportedOwn or AbiTypeKind.ExportedBorrow
            or AbiTypeKind.Stream or AbiTypeKind.Future or AbiTypeKind.ErrorContext;

    // Own and borrow handles of the host's resources are added to its tables, an own handle of the
    // guest's resource moves to the guest; a borrow of the guest's resource is just its representation.
    internal static bool ChangesTables(AbiTypeBinding type)
        => type.Kind is AbiTypeKind.Own or AbiTypeKind.Borrow or AbiTypeKind.ExportedOwn || type.Children.Any(ChangesTables);

    private static void WriteCells(SourceWriter writer, IReadOnlyList<CoreValueType> types, List<string> values)
    {
        // WAMR cells: i32 and f32 take one, i64 and f64 two (low half first).
        var cell = 0;
        for (var i = 0; i < types.Count; i++)
        {
            switch (types[i].Kind)
            {
                case CoreValueKind.I32:
                    writer.WriteLine($"cells_[{cell++}] = {values[i]};");
                    break;
                case CoreValueKind.F32:
                    writer.WriteLine($"cells_[{cell++}] = {BitConverter}.SingleToUInt32Bits({values[i]});");
                    break;
                default:
                    var bits = types[i].Kind == CoreValueKind.I64 ? values[i] : $"{BitConverter}.DoubleToUInt64Bits({values[i]})";
                    writer.WriteLine($"cells_[{cell++}] = (uint){bits};");
                    writer.WriteLine($"cells_[{cell++}] = (uint)({bits} >> 32);");
                    break;
            }
        }
    }

    private static List<string> ReadCells(SourceWriter writer, MarshalEmitter marshal, IReadOnlyList<CoreValueType> types)
    {
        var locals = new List<string>();
        var cell = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var local = marshal.Local("result");
            var expression = types[i].Kind switch
            {
                CoreValueKind.I32 => $"cells_[{cell}]",
                CoreValueKind.F32 => $"{BitConverter}.UInt32BitsToSingle(cells_[{cell}])",
                CoreValueKind.I64 => $"cells_[{cell}] | (ulong)cells_[{cell + 1}] << 32",
                _ => $"{BitConverter}.UInt64BitsToDouble(cells_[{cell}] | (ulong)cells_[{cell + 1}] << 32)",
            };
            cell += types[i].Kind is CoreValueKind.I32 or CoreValueKind.F32 ? 1 : 2;
            writer.WriteLine($"{MarshalEmitter.FlatType(types[i])} {local} = {expression};");
            locals.Add(local);
        }

        return locals;
    }

    private static int Cells(IReadOnlyList<CoreValueType> types)
        => types.Sum(type => type.Kind is CoreValueKind.I32 or CoreValueKind.F32 ? 1 : 2);

    internal static string Getter(CoreValueType type) => type.Kind switch
    {
        CoreValueKind.I32 => "GetUInt32",
        CoreValueKind.I64 => "GetUInt64",
        CoreValueKind.F32 => "GetSingle",
        _ => "GetDouble",
    };

    /// <summary>A C# string literal (WIT names hold no quotes or backslashes, but escape anyway).</summary>
    public static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
