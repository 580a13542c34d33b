namespace WitHost.Generator.Binding;

/// <summary>
/// Thrown while binding a call whose types have C# declarations but no generated marshalling yet
/// (maps, fixed-length lists). The call is left out and reported as
/// <c>WITHOST0011</c>; the types and the host interface are still generated.
/// </summary>
internal sealed class CallNotGeneratedException : Exception
{
    public CallNotGeneratedException(string construct)
        : base(construct) => Construct = construct;

    /// <summary>The construct in words, e.g. <c>maps</c>.</summary>
    public string Construct { get; }
}
