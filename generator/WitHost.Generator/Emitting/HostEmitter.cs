using WitHost.Generator.Model;

namespace WitHost.Generator.Emitting;

/// <summary>Writes the generated part of a <c>[WitHost]</c> class.</summary>
internal static class HostEmitter
{
    public static string HintName(HostSpec spec)
        => (spec.Namespace.Length == 0 ? "" : spec.Namespace + ".") + spec.ClassName + ".WitHost.g.cs";

    public static string Emit(WorldBinding world)
    {
        var spec = world.Spec;
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        var hasNamespace = spec.Namespace.Length > 0;
        if (hasNamespace)
        {
            writer.WriteLine($"namespace {spec.Namespace}");
            writer.OpenBlock();
        }

        writer.WriteLine($"partial class {spec.ClassName}");
        writer.OpenBlock();
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
        writer.CloseBlock();
        if (hasNamespace)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }
}
