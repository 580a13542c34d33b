namespace WitHost.Generator.Emitting;

/// <summary>The <c>[GeneratedCode]</c> line every generated top-level type carries.</summary>
internal static class GeneratedCodeAttribute
{
    public static string Line { get; } =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]";
}
