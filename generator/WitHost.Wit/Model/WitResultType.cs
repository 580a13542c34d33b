namespace WitHost.Wit.Model;

/// <summary>
/// <c>result&lt;T, E&gt;</c>, <c>result&lt;_, E&gt;</c>, <c>result&lt;T&gt;</c> or bare <c>result</c>.
/// </summary>
/// <param name="Ok">The <c>ok</c> payload, or null when absent.</param>
/// <param name="Err">The <c>err</c> payload, or null when absent.</param>
public sealed record WitResultType(WitType? Ok, WitType? Err) : WitType
{
    /// <summary>WIT syntax: <c>result</c>, <c>result&lt;T&gt;</c>, <c>result&lt;_, E&gt;</c> or <c>result&lt;T, E&gt;</c>.</summary>
    public override string ToString() => (Ok, Err) switch
    {
        (null, null) => "result",
        (_, null) => $"result<{Ok}>",
        (null, _) => $"result<_, {Err}>",
        _ => $"result<{Ok}, {Err}>",
    };
}
