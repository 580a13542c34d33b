using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// An imported WIT <c>resource</c>, declared as a C# interface the host implements: each handle
/// the guest holds refers to one object of it. Its methods are the resource's <c>[method]</c>
/// functions without the <c>self</c> parameter; constructors and static functions belong to the
/// owning interface's host interface, because there is no object to call them on yet.
/// </summary>
internal sealed record ResourceBinding(string Name, string WitName, string? Docs, EquatableArray<MethodBinding> Methods)
    : TypeDeclarationBinding(Name, WitName, Docs);
