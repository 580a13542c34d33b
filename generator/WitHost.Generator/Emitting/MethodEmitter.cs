using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Emitting;

/// <summary>Writes the method declarations of a generated C# interface.</summary>
internal static class MethodEmitter
{
    public static void EmitAll(SourceWriter writer, EquatableArray<MethodBinding> methods)
    {
        for (var i = 0; i < methods.Count; i++)
        {
            if (i > 0)
            {
                writer.WriteLine();
            }

            Emit(writer, methods[i]);
        }
    }

    private static void Emit(SourceWriter writer, MethodBinding method)
    {
        DocCommentWriter.WriteSummary(writer, method.Docs, $"The WIT function <c>{DocCommentWriter.Escape(method.WitName)}</c>.");
        var parameters = string.Join(", ", method.Parameters.Select(parameter => parameter.Type + " " + parameter.Name));
        writer.WriteLine($"{method.ReturnType} {method.Name}({parameters});");
    }
}
