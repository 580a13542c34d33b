namespace WitHost.Generator;

/// <summary>Facts about the generator that appear in generated code.</summary>
internal static class GeneratorInfo
{
    /// <summary>The tool name in <c>[GeneratedCode]</c>.</summary>
    public const string Name = "WitHost.Generator";

    /// <summary>
    /// The version in <c>[GeneratedCode]</c>: the assembly version, which changes only with a
    /// release, so generated code (and golden files) stay the same between builds.
    /// </summary>
    public static string Version { get; } = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
}
