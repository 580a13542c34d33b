namespace WitHost.Generator.Binding;

/// <summary>
/// Thrown while mapping a WIT type that the generator cannot express yet. The binder catches it at
/// the level of one declaration or function, reports which construct it was and leaves that item
/// out, so the rest of the world still generates.
/// </summary>
internal sealed class UnsupportedConstructException : Exception
{
    public UnsupportedConstructException(string construct)
        : base(construct) => Construct = construct;

    /// <summary>The construct in words, e.g. <c>stream&lt;u8&gt;</c> or <c>async functions</c>.</summary>
    public string Construct { get; }
}
