using WitHost.Generator.Model;

namespace WitHost.Generator.Emitting;

/// <summary>Writes the C# declaration of one WIT type (record, variant, enum, flags, imported resource).</summary>
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
}
