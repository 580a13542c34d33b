namespace WitHost.Wit.Model;

/// <summary>A function parameter.</summary>
/// <param name="Name">The parameter name (<c>self</c> for a method's implicit receiver).</param>
/// <param name="Type">The parameter type.</param>
public sealed record WitParameter(string Name, WitType Type);
