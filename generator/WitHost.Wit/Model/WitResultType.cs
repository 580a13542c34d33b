namespace WitHost.Wit.Model;

/// <summary>
/// <c>result&lt;T, E&gt;</c>, <c>result&lt;_, E&gt;</c>, <c>result&lt;T&gt;</c> or bare <c>result</c>.
/// </summary>
/// <param name="Ok">The <c>ok</c> payload, or null when absent.</param>
/// <param name="Err">The <c>err</c> payload, or null when absent.</param>
public sealed record WitResultType(WitType? Ok, WitType? Err) : WitType;
