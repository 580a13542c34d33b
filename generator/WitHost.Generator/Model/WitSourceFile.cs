namespace WitHost.Generator.Model;

/// <summary>A .wit file given to the compilation as an AdditionalFile.</summary>
/// <param name="Path">Its normalised path (forward slashes, no <c>.</c> or <c>..</c> segments).</param>
/// <param name="Text">Its contents.</param>
internal sealed record WitSourceFile(string Path, string Text);
