using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// An exported WIT <c>resource</c> (the guest implements it), declared as a C# handle class that
/// implements <c>WitHost.IGuestResource</c>. Its methods are the resource's <c>[method]</c>
/// functions without <c>self</c>; each host's exported-interface class implements them (the nested
/// <c>ICalls</c> interface), because the core exports they call belong to one instance. The
/// constructor and static functions are methods of the exported-interface class.
/// </summary>
/// <param name="Methods">The methods whose calls are generated, in WIT order.</param>
internal sealed record GuestResourceBinding(string Name, string WitName, string? Docs, EquatableArray<MethodBinding> Methods)
    : TypeDeclarationBinding(Name, WitName, Docs)
{
    /// <summary>
    /// The user's C#-first interface (an <see cref="System.IDisposable"/> interface) the handle class
    /// implements, fully qualified; its methods then carry the user's names and types. Null for a
    /// resource of a .wit file.
    /// </summary>
    public string? ImplementedInterface { get; init; }
}
