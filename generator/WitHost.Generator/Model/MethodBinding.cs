using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>A method of a generated C# interface.</summary>
/// <param name="Name">The C# method name.</param>
/// <param name="WitName">The Component Model function name (<c>get</c>, <c>[method]r.get</c>, …).</param>
/// <param name="ReturnType">The C# return type, fully qualified, or <c>void</c>.</param>
/// <param name="Parameters">The parameters in WIT order.</param>
/// <param name="Docs">The WIT doc comment, or null.</param>
internal sealed record MethodBinding(
    string Name,
    string WitName,
    string ReturnType,
    EquatableArray<ParameterBinding> Parameters,
    string? Docs)
{
    /// <summary>True for an <c>async func</c>: the last parameter is its cancellation token.</summary>
    public bool IsAsync { get; init; }
}
