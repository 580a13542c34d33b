using WitHost.Generator.Model;

namespace WitHost.Generator.Emitting;

/// <summary>
/// The frame every file generated for a <c>[WitHost]</c> class shares: the file header, the
/// user's namespace (when the class has one) and <c>partial class</c>. The host and guest
/// emitters write their members inside it, so both files open and close it the same way.
/// </summary>
internal static class HostClassWriter
{
    /// <summary>The hint name of one of the host class's generated files, e.g. <c>Ns.SampleHost.Guest.g.cs</c>.</summary>
    public static string HintName(HostSpec spec, string part)
        => (spec.Namespace.Length == 0 ? "" : spec.Namespace + ".") + spec.ClassName + "." + part + ".g.cs";

    /// <summary>Writes the header, opens the namespace and the partial class.</summary>
    public static void Open(SourceWriter writer, HostSpec spec)
    {
        writer.WriteFileHeader();
        OpenClass(writer, spec);
    }

    /// <summary>As <see cref="Open"/>, without the file header (for a file that declares something before the class).</summary>
    public static void OpenClass(SourceWriter writer, HostSpec spec)
    {
        if (spec.Namespace.Length > 0)
        {
            writer.WriteLine($"namespace {spec.Namespace}");
            writer.OpenBlock();
        }

        writer.WriteLine($"partial class {spec.ClassName}");
        writer.OpenBlock();
    }

    /// <summary>Closes what <see cref="Open"/> opened.</summary>
    public static void Close(SourceWriter writer, HostSpec spec)
    {
        writer.CloseBlock();
        if (spec.Namespace.Length > 0)
        {
            writer.CloseBlock();
        }
    }
}
