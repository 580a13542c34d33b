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
    CSharpTypeShape? Result);
