using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Wamr.Components;

/// <summary>
/// The Canonical ABI options a component gives one lifted or lowered function, with the core
/// functions named by the main module's export names.
/// </summary>
/// <param name="Encoding">The <c>string-encoding</c> option (utf8 when the component gives none).</param>
/// <param name="Realloc">The main module's export used as <c>realloc</c> (usually <c>cabi_realloc</c>), if any.</param>
/// <param name="PostReturn">The main module's export used as <c>post-return</c> (for example <c>cabi_post_greet</c>), if any.</param>
/// <param name="Async">The <c>async</c> option: an export lifted with the async ABI, or an import lowered with it (<c>[async-lower]</c>).</param>
/// <param name="Callback">The main module's export used as the <c>callback</c> of an async lift (<c>[callback][async-lift]…</c>); null for a stackful one.</param>
public sealed record CanonOptions(StringEncoding Encoding, string? Realloc, string? PostReturn, bool Async = false, string? Callback = null);
