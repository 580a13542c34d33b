using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// A C# interface extending <see cref="System.IDisposable"/> that a C#-first interface uses, read
/// as the WIT <c>resource</c> it declares: the host implements it, and each handle the guest holds
/// refers to one object of it.
/// </summary>
/// <param name="WitName">The WIT resource name (<c>counter</c>).</param>
/// <param name="CSharpType">The C# interface, fully qualified.</param>
/// <param name="Methods">
/// One per method, named as the Component Model names them (<c>[method]counter.add</c>), with the
/// resource itself as the first parameter (<c>self</c>), as the binding has it.
/// </param>
internal sealed record CSharpFirstResource(
    string WitName,
    string CSharpType,
    EquatableArray<CSharpFirstFunction> Methods);
