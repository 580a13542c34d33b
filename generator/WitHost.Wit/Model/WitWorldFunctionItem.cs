namespace WitHost.Wit.Model;

/// <summary>A function imported or exported directly by a world (<c>import f: func(…)</c>).</summary>
public sealed record WitWorldFunctionItem : WitWorldItem
{
    /// <summary>Creates a function item.</summary>
    public WitWorldFunctionItem(string name, WitStability stability, WitFunction function)
        : base(name, stability) => Function = function;

    /// <summary>The function.</summary>
    public WitFunction Function { get; init; }
}
