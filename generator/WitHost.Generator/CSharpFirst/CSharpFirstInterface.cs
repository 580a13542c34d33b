using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// A C# interface marked <c>[WitHost("ns:pkg/iface")]</c>, read into the WIT interface it stands
/// for: the WIT text (which the WIT front end resolves exactly like a .wit file) and the C# names
/// the generated calls must use instead of the ones the WIT names would give.
/// </summary>
/// <param name="Namespace">The interface's namespace, or empty for the global namespace.</param>
/// <param name="Name">The interface's name.</param>
/// <param name="FullName">The fully qualified C# name, <c>global::Example.ILogging</c>.</param>
/// <param name="PackageName">The WIT package, <c>example:sample</c> or <c>example:sample@1.0.0</c>.</param>
/// <param name="InterfaceName">The WIT interface name, <c>logging</c>.</param>
/// <param name="QualifiedName">The Component Model name, <c>example:sample/logging@1.0.0</c>.</param>
/// <param name="InterfaceText">The WIT <c>interface … { … }</c> item, without the package line.</param>
/// <param name="Functions">One per method, in declaration order.</param>
/// <param name="Resources">The resources its methods use (interfaces extending <see cref="System.IDisposable"/>).</param>
internal sealed record CSharpFirstInterface(
    string Namespace,
    string Name,
    string FullName,
    string PackageName,
    string InterfaceName,
    string QualifiedName,
    string InterfaceText,
    EquatableArray<CSharpFirstFunction> Functions,
    EquatableArray<CSharpFirstResource> Resources)
{
    /// <summary>The interface as a complete .wit file: the package line, then the interface.</summary>
    public string WitText => "package " + PackageName + ";\n\n" + InterfaceText;
}
