namespace WitHost.Wit.Model;

/// <summary><c>error-context</c>.</summary>
public sealed record WitErrorContextType : WitType
{
    /// <summary>The one instance (all instances are equal anyway).</summary>
    public static WitErrorContextType Instance { get; } = new();

    /// <summary>WIT syntax: <c>error-context</c>.</summary>
    public override string ToString() => "error-context";
}
