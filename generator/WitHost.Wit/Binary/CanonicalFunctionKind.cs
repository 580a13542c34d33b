namespace WitHost.Wit.Binary;

/// <summary>The <c>canon</c> definitions.</summary>
public enum CanonicalFunctionKind
{
    /// <summary><c>canon lift</c>: a component function from a core function.</summary>
    Lift,

    /// <summary><c>canon lower</c>: a core function from a component function.</summary>
    Lower,

    /// <summary><c>canon resource.new</c>.</summary>
    ResourceNew,

    /// <summary><c>canon resource.drop</c>.</summary>
    ResourceDrop,

    /// <summary><c>canon resource.rep</c>.</summary>
    ResourceRep,

    /// <summary>Any other built-in (the async ABI's task, stream, future, thread built-ins).</summary>
    Other,
}
