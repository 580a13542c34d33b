using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>A method of a C#-first interface and the WIT function derived from it.</summary>
/// <param name="WitName">The WIT function name (<c>log-u32</c>).</param>
/// <param name="MethodName">The C# method name (<c>LogU32</c>).</param>
/// <param name="Parameters">The C# parameter types, in order.</param>
/// <param name="Result">The C# return type, or null for <c>void</c>.</param>
internal sealed record CSharpFirstFunction(
    string WitName,
    string MethodName,
    EquatableArray<CSharpTypeShape> Parameters,
    CSharpTypeShape? Result)
{
    /// <summary>The C# return type as declared (<c>void</c>, <c>global::System.Threading.Tasks.ValueTask&lt;uint&gt;</c>, …).</summary>
    public string ReturnType { get; init; } = Result?.CSharpType ?? "void";

    /// <summary>
    /// True for a method returning <c>Task</c> or <c>ValueTask</c>: an <c>async func</c>, whose
    /// <see cref="Result"/> is the task's result and whose trailing <c>CancellationToken</c> is
    /// not among <see cref="Parameters"/>.
    /// </summary>
    public bool IsAsync { get; init; }

    /// <summary>True when the async method returns a <c>ValueTask</c> (a guest's export is then wrapped in one).</summary>
    public bool ReturnsValueTask => IsAsync && ReturnType.StartsWith("global::System.Threading.Tasks.ValueTask", StringComparison.Ordinal);
}
