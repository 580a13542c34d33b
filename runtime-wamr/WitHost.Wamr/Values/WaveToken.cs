namespace WitHost.Wamr.Values;

/// <summary>
/// A token of WAVE text and where it stands: <see cref="Start"/> and <see cref="End"/> are offsets
/// into the text (the end exclusive). <see cref="Text"/> is the label, the number's literal text, or
/// the decoded value of a string or char literal.
/// </summary>
internal readonly record struct WaveToken(WaveTokenKind Kind, int Start, int End, string Text);
