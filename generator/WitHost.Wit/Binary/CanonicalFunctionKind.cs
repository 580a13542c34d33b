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

    /// <summary>An async or thread built-in (task, subtask, waitable, stream, future, error-context, context, backpressure, thread): <see cref="CanonicalFunction.Builtin"/> says which.</summary>
    Other,
}
