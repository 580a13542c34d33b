using WitHost.Generator.Emitting;
using WitHost.Generator.Model;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// Writes what is generated for the WIT text of C#-first code: a <c>WitText</c> constant on each
/// C#-first interface (and on a host whose world is derived from them), and for each interface and
/// derived world an assembly-level <c>[WitDefinition]</c>, which <c>wit-host derive</c> reads from the built
/// assembly's metadata without loading it.
/// </summary>
internal static class CSharpFirstEmitter
{
    public static string HintName(CSharpFirstInterface item)
        => (item.Namespace.Length == 0 ? "" : item.Namespace + ".") + item.Name + ".WitText.g.cs";

    public static string Emit(CSharpFirstInterface item)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.WriteLine($"[assembly: global::WitHost.WitDefinition({CallEmitter.Literal(item.QualifiedName)}, {Verbatim(item.WitText)})]");
        writer.WriteLine();
        if (item.Namespace.Length > 0)
        {
            writer.WriteLine($"namespace {item.Namespace}");
            writer.OpenBlock();
        }

        writer.WriteLine($"partial interface {item.Name}");
        writer.OpenBlock();
        DocCommentWriter.WriteSummary(writer, null, $"The WIT interface <c>{DocCommentWriter.Escape(item.QualifiedName)}</c> derived from this interface, as a .wit file.");
        writer.WriteLine($"public const string WitText = {Verbatim(item.WitText)};");
        writer.CloseBlock();
        if (item.Namespace.Length > 0)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }

    public static string HostHintName(HostSpec spec) => HostClassWriter.HintName(spec, "WitText");

    /// <summary>
    /// The host's derived world: the root package's WIT text (its world and the C#-first interfaces
    /// of its package) on the class, and the world alone as an assembly-level <c>[WitDefinition]</c>
    /// beside the interfaces', so <c>wit-host derive</c> writes the world too.
    /// </summary>
    public static string EmitHost(HostSources sources)
    {
        var writer = new SourceWriter();
        writer.WriteFileHeader();
        writer.WriteLine($"[assembly: global::WitHost.WitDefinition({CallEmitter.Literal(sources.DerivedWorldName)}, {Verbatim(sources.DerivedWorldText)})]");
        writer.WriteLine();
        HostClassWriter.OpenClass(writer, sources.Spec);
        DocCommentWriter.WriteSummary(writer, null, "The WIT world derived for this host from its C#-first interfaces, as a .wit file of the world's package.");
        writer.WriteLine($"public const string WitText = {Verbatim(sources.DerivedWitText)};");
        HostClassWriter.Close(writer, sources.Spec);
        return writer.ToString();
    }

    // A verbatim literal keeps the WIT's lines as lines in the generated file.
    private static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";
}
