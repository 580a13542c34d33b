using WitHost.Generator.Model;

namespace WitHost.Generator.Emitting;

/// <summary>Writes the C# declaration of one WIT type (record, variant, enum, flags, imported or exported resource).</summary>
internal static class TypeDeclarationEmitter
{
    public static void Emit(SourceWriter writer, TypeDeclarationBinding type)
    {
        switch (type)
        {
            case RecordBinding record:
                EmitRecord(writer, record);
                break;
            case VariantBinding variant:
                EmitVariant(writer, variant);
                break;
            case EnumBinding @enum:
                EmitEnum(writer, @enum);
                break;
            case FlagsBinding flags:
                EmitFlags(writer, flags);
                break;
            case ResourceBinding resource:
                EmitResource(writer, resource);
                break;
            case GuestResourceBinding resource:
                EmitGuestResource(writer, resource);
                break;
            default:
                throw new InvalidOperationException("Unknown type declaration " + type.GetType().Name);
        }
    }

    private static void EmitRecord(SourceWriter writer, RecordBinding record)
    {
        DocCommentWriter.WriteSummary(writer, record.Docs, $"The WIT record <c>{DocCommentWriter.Escape(record.WitName)}</c>.");
        foreach (var field in record.Fields)
        {
            DocCommentWriter.WriteParam(writer, field.Name, field.Docs, $"The field <c>{DocCommentWriter.Escape(field.WitName)}</c>.");
        }

        writer.WriteLine(GeneratedCodeAttribute.Line);
        writer.WriteLine($"public sealed record {record.Name}(");
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var field = record.Fields[i];
            writer.WriteLine($"    {field.Type} {field.Name}{(i == record.Fields.Count - 1 ? ");" : ",")}");
        }
    }

    private static void EmitVariant(SourceWriter writer, VariantBinding variant)
    {
        DocCommentWriter.WriteSummary(writer, variant.Docs, $"The WIT variant <c>{DocCommentWriter.Escape(variant.WitName)}</c>: one of the nested case records.");
        writer.WriteLine(GeneratedCodeAttribute.Line);
        writer.WriteLine($"public abstract record {variant.Name}");
        writer.OpenBlock();
        writer.WriteLine("// Private, so the nested cases below are the only types that can derive from it.");
        writer.WriteLine($"private {variant.Name}()");
        writer.OpenBlock();
        writer.CloseBlock();
        foreach (var @case in variant.Cases)
        {
            writer.WriteLine();
            DocCommentWriter.WriteSummary(writer, @case.Docs, $"The case <c>{DocCommentWriter.Escape(@case.WitName)}</c>.");
            if (@case.PayloadType is null)
            {
                writer.WriteLine($"public sealed record {@case.Name} : {variant.Name};");
            }
            else
            {
                DocCommentWriter.WriteParam(writer, @case.PayloadName, null, "The case's payload.");
                writer.WriteLine($"public sealed record {@case.Name}({@case.PayloadType} {@case.PayloadName}) : {variant.Name};");
            }
        }

        writer.WriteLine();
        EmitMatch(writer, variant);
        writer.CloseBlock();
    }

    /// <summary>
    /// C# does not check a switch over a class hierarchy for exhaustiveness; a method with one
    /// function per case does, so a host that handles every case says so at compile time.
    /// </summary>
    private static void EmitMatch(SourceWriter writer, VariantBinding variant)
    {
        DocCommentWriter.WriteSummary(writer, null, "Calls the function for this value's case; the compiler checks that every case is handled.");
        writer.WriteLine("/// <typeparam name=\"TResult\">What the functions return.</typeparam>");
        foreach (var @case in variant.Cases)
        {
            DocCommentWriter.WriteParam(writer, @case.MatchParameterName.TrimStart('@'), null, $"Called for <see cref=\"{@case.Name}\"/>.");
        }

        DocCommentWriter.WriteReturns(writer, "What the function for the case returns.");
        writer.WriteLine("public TResult Match<TResult>(");
        for (var i = 0; i < variant.Cases.Count; i++)
        {
            var @case = variant.Cases[i];
            var end = i == variant.Cases.Count - 1 ? ")" : ",";
            writer.WriteLine($"    global::System.Func<{@case.Name}, TResult> {@case.MatchParameterName}{end}");
        }

        // `case_` cannot clash with a parameter: names made from WIT names have no underscore.
        writer.WriteLine("    => this switch");
        writer.WriteLine("    {");
        foreach (var @case in variant.Cases)
        {
            writer.WriteLine($"        {@case.Name} case_ => {@case.MatchParameterName}(case_),");
        }

        writer.WriteLine("        _ => throw new global::System.Diagnostics.UnreachableException(),");
        writer.WriteLine("    };");
    }

    private static void EmitEnum(SourceWriter writer, EnumBinding @enum)
    {
        DocCommentWriter.WriteSummary(writer, @enum.Docs, $"The WIT enum <c>{DocCommentWriter.Escape(@enum.WitName)}</c>.");
        writer.WriteLine(GeneratedCodeAttribute.Line);
        writer.WriteLine($"public enum {@enum.Name}");
        writer.OpenBlock();
        for (var i = 0; i < @enum.Members.Count; i++)
        {
            EmitMember(writer, @enum.Members[i], "case", i.ToString(), separate: i > 0);
        }

        writer.CloseBlock();
    }

    private static void EmitFlags(SourceWriter writer, FlagsBinding flags)
    {
        DocCommentWriter.WriteSummary(writer, flags.Docs, $"The WIT flags <c>{DocCommentWriter.Escape(flags.WitName)}</c>.");
        writer.WriteLine("[global::System.Flags]");
        writer.WriteLine(GeneratedCodeAttribute.Line);
        writer.WriteLine($"public enum {flags.Name} : {flags.UnderlyingType}");
        writer.OpenBlock();
        if (flags.HasNoneMember)
        {
            DocCommentWriter.WriteSummary(writer, null, "No flag set.");
            writer.WriteLine("None = 0,");
        }

        // A literal of the underlying type's width, so bit 31 of a uint and bits 32-63 of a ulong fit.
        var one = flags.UnderlyingType switch
        {
            "uint" => "1U",
            "ulong" => "1UL",
            _ => "1",
        };
        for (var i = 0; i < flags.Flags.Count; i++)
        {
            EmitMember(writer, flags.Flags[i], "flag", $"{one} << {i}", separate: i > 0 || flags.HasNoneMember);
        }

        writer.CloseBlock();
    }

    private static void EmitMember(SourceWriter writer, EnumMemberBinding member, string kind, string value, bool separate)
    {
        if (separate)
        {
            writer.WriteLine();
        }

        DocCommentWriter.WriteSummary(writer, member.Docs, $"The {kind} <c>{DocCommentWriter.Escape(member.WitName)}</c>.");
        writer.WriteLine($"{member.Name} = {value},");
    }

    private static void EmitResource(SourceWriter writer, ResourceBinding resource)
        => InterfaceEmitter.Emit(
            writer,
            resource.Name,
            resource.Methods,
            resource.Docs,
            $"The WIT resource <c>{DocCommentWriter.Escape(resource.WitName)}</c>.");

    private const string RepTable = "global::WitHost.Wamr.Bindings.RepTable";
    private const string GuestResourceHandle = "global::WitHost.Wamr.Bindings.GuestResourceHandle";

    // The handle class of a resource the guest implements. Its methods call through ICalls, which
    // the exported-interface class of each host implements with that host's marshalling; the class
    // itself is shared by every host of the interface, like the records that may hold it.
    private static void EmitGuestResource(SourceWriter writer, GuestResourceBinding resource)
    {
        var witName = DocCommentWriter.Escape(resource.WitName);
        DocCommentWriter.WriteSummary(
            writer,
            resource.Docs,
            $"The WIT resource <c>{witName}</c>, which the guest implements: a handle to one of the guest's <c>{witName}</c>s.");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// A handle belongs to the instance that made it. Dispose it to drop it: the guest's destructor runs");
        writer.WriteLine("/// once. After that, or after it was passed as an <c>own</c> argument (the guest then owns it), every");
        writer.WriteLine("/// call through it throws <see cref=\"global::System.ObjectDisposedException\"/>.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(GeneratedCodeAttribute.Line);
        // The handle class of a C#-first resource is seen only as the user's interface, which may
        // be internal: the class is internal too.
        var (visibility, implemented) = resource.ImplementedInterface is null ? ("public", "") : ("internal", ", " + resource.ImplementedInterface);
        writer.WriteLine($"{visibility} sealed class {resource.Name} : global::WitHost.IGuestResource{implemented}");
        writer.OpenBlock();
        writer.WriteLine("private readonly ICalls _calls;");
        writer.WriteLine();
        writer.WriteLine($"internal {resource.Name}(ICalls calls, {RepTable} table, global::WitHost.Wamr.WamrInstance instance, uint rep)");
        writer.OpenBlock();
        writer.WriteLine("_calls = calls;");
        writer.WriteLine($"Handle = new {GuestResourceHandle}(table, instance, rep);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The calls of the resource's methods, as one instance's exported-interface class makes them.</summary>");
        writer.WriteLine("internal interface ICalls");
        writer.OpenBlock();
        for (var i = 0; i < resource.Methods.Count; i++)
        {
            var method = resource.Methods[i];
            var parameters = string.Join("", method.Parameters.Select(parameter => ", " + parameter.Type + " " + parameter.Name));
            writer.WriteLine($"{method.ReturnType} {method.Name}({resource.Name} self{parameters});");
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The representation, its instance and whether the host still holds it.</summary>");
        writer.WriteLine($"internal {GuestResourceHandle} Handle {{ get; }}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>True once disposed, or passed to the guest as an <c>own</c> argument.</summary>");
        writer.WriteLine("public bool IsDisposed => Handle.IsDisposed;");
        foreach (var method in resource.Methods)
        {
            writer.WriteLine();
            if (method.IsAsync)
            {
                // As a guest's async func: a task that ends at the guest's task.return (docs/async.md).
                var token = method.Parameters[method.Parameters.Count - 1].Name;
                DocCommentWriter.WriteGuestCall(writer, method.Docs, method.WitName, method.Parameters.Take(method.Parameters.Count - 1).Select(parameter => parameter.Name), returnsValue: false);
                DocCommentWriter.WriteParam(writer, token, null, "Cancels the call: the guest is told, and the task ends cancelled when the guest answers with task.cancel (or with the result, when it returns anyway).");
                DocCommentWriter.WriteReturns(writer, method.ReturnType is "global::System.Threading.Tasks.Task" or "global::System.Threading.Tasks.ValueTask" ? "A task that ends when the guest's task returns." : "A task that ends with the guest's result.");
                writer.WriteLine("/// <remarks>The guest borrows the handle until its task returns: disposing it meanwhile runs the guest's destructor only then.</remarks>");
            }
            else
            {
                DocCommentWriter.WriteGuestCall(writer, method.Docs, method.WitName, method.Parameters.Select(parameter => parameter.Name), method.ReturnType != "void");
            }

            writer.WriteLine("/// <exception cref=\"global::System.ObjectDisposedException\">The handle was disposed or given to the guest.</exception>");
            var parameters = string.Join(", ", method.Parameters.Select((parameter, i) => parameter.Type + " " + parameter.Name + (method.IsAsync && i == method.Parameters.Count - 1 ? " = default" : "")));
            var arguments = string.Join("", method.Parameters.Select(parameter => ", " + parameter.Name));
            writer.WriteLine($"public {method.ReturnType} {method.Name}({parameters}) => _calls.{method.Name}(this{arguments});");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Drops the handle: the guest's destructor runs on the resource, once. Safe to call more than once,");
        writer.WriteLine("/// and after the instance was disposed (then nothing runs).");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("public void Dispose() => Handle.Dispose();");
        writer.CloseBlock();
    }
}
