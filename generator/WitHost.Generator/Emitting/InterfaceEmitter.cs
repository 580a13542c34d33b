using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Emitting;

/// <summary>Writes a generated C# interface: a host interface or an imported resource.</summary>
internal static class InterfaceEmitter
{
    public static void Emit(SourceWriter writer, string name, EquatableArray<MethodBinding> methods, string? docs, string fallbackDocs)
    {
        DocCommentWriter.WriteSummary(writer, docs, fallbackDocs);
        writer.WriteLine(GeneratedCodeAttribute.Line);
        writer.WriteLine($"public interface {name}");
        writer.OpenBlock();
        for (var i = 0; i < methods.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            EmitMethod(writer, methods[i]);
        }

        writer.CloseBlock();
    }

    private static void EmitMethod(SourceWriter writer, MethodBinding method)
    {
        DocCommentWriter.WriteSummary(writer, method.Docs, $"The WIT function <c>{DocCommentWriter.Escape(method.WitName)}</c>.");
        var parameters = string.Join(", ", method.Parameters.Select(parameter => parameter.Type + " " + parameter.Name));
        writer.WriteLine($"{method.ReturnType} {method.Name}({parameters});");
    }
}
