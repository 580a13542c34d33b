namespace WitHost.Wit;

/// <summary>The text of one WIT file that is already in memory (e.g. a generator's AdditionalFile).</summary>
/// <param name="Path">The path reported in diagnostics.</param>
/// <param name="Text">The WIT source.</param>
public sealed record WitSourceFile(string Path, string Text);
