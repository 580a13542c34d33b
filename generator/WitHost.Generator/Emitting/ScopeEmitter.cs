using WitHost.Generator.Model;

namespace WitHost.Generator.Emitting;

/// <summary>Writes the file of one scope: its types in their namespace, then its host interface.</summary>
internal static class ScopeEmitter
{
    /// <summary>A hint name made from the WIT qualified name, unique per scope: <c>wasi.io.streams.0.2.0.g.cs</c>.</summary>
    public static string HintName(ScopeBinding scope)
    {
        var characters = scope.Key.Select(character => char.IsLetterOrDigit(character) || character == '-' ? character : '.').ToArray();
        return new string(characters) + ".g.cs";
    }

    public static string Emit(ScopeBinding scope)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.WriteLine($"// The WIT interface {scope.Key}.");
        if (!scope.Types.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine($"namespace {scope.TypesNamespace}");
            writer.OpenBlock();
            for (var i = 0; i < scope.Types.Count; i++)
            {
                if (i > 0)
                {
                    writer.WriteLine();
                }

                TypeDeclarationEmitter.Emit(writer, scope.Types[i]);
            }

            writer.CloseBlock();
        }

        if (scope.HostInterface is { } host)
        {
            writer.WriteLine();
            writer.WriteLine($"namespace {host.Namespace}");
            writer.OpenBlock();
            InterfaceEmitter.Emit(
                writer,
                host.Name,
                host.Methods,
                host.Docs,
                $"The host's implementation of the imported WIT interface <c>{DocCommentWriter.Escape(scope.Key)}</c>.");
            writer.CloseBlock();
        }

        return writer.ToString();
    }
}
