namespace WitHost.Wit.Model;

/// <summary>What a function is, which decides its Component Model name.</summary>
public enum WitFunctionKind
{
    /// <summary>A plain function: <c>name</c>.</summary>
    Freestanding,

    /// <summary>A resource constructor: <c>[constructor]r</c>.</summary>
    Constructor,

    /// <summary>A resource method: <c>[method]r.name</c>; the first parameter is <c>self: borrow&lt;r&gt;</c>.</summary>
    Method,

    /// <summary>A resource static function: <c>[static]r.name</c>.</summary>
    Static,
}
