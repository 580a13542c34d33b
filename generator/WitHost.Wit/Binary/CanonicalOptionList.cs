namespace WitHost.Wit.Binary;

/// <summary>The options of a <c>canon lift</c> or <c>canon lower</c>, as core indexes.</summary>
/// <param name="Encoding">The <c>string-encoding</c> (utf8 when absent).</param>
/// <param name="Memory">The core memory index.</param>
/// <param name="Realloc">The core function index of <c>realloc</c>.</param>
/// <param name="PostReturn">The core function index of <c>post-return</c>.</param>
/// <param name="Async">Whether <c>async</c> is given.</param>
/// <param name="Callback">The core function index of <c>callback</c>.</param>
public sealed record CanonicalOptionList(CanonicalStringEncoding Encoding, uint? Memory, uint? Realloc, uint? PostReturn, bool Async, uint? Callback);
