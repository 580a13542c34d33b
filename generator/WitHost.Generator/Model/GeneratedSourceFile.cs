namespace WitHost.Generator.Model;

/// <summary>One generated C# file: the hint name the compiler sees and its text.</summary>
/// <param name="HintName">The file name, unique per compilation (e.g. <c>Example.SampleHost.g.cs</c>).</param>
/// <param name="Text">The C# source.</param>
internal sealed record GeneratedSourceFile(string HintName, string Text);
