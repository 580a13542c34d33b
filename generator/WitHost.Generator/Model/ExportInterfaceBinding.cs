using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>An interface the guest exports: a property of the generated instance class, and a class of wrappers.</summary>
/// <param name="PropertyName">The instance's property.</param>
/// <param name="ClassName">The nested class holding the wrappers.</param>
/// <param name="WitName">The world item name, e.g. <c>example:sample/booleans</c>.</param>
/// <param name="Calls">One wrapper per exported function: freestanding functions, and the constructors and static functions of its resources.</param>
/// <param name="Resources">The method calls of each resource the interface exports.</param>
/// <param name="Docs">The WIT doc comment, or null.</param>
internal sealed record ExportInterfaceBinding(
    string PropertyName,
    string ClassName,
    string WitName,
    EquatableArray<CallBinding> Calls,
    EquatableArray<GuestResourceCallsBinding> Resources,
    string? Docs)
{
    /// <summary>For a C#-first interface, the user's interface (fully qualified) the class implements; else null.</summary>
    public string? ImplementedInterface { get; init; }
}
