using WitHost.Wit.Diagnostics;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>
/// WIT has no empty records, flags, tuples, enums or variants (WIT.md's grammar needs one member;
/// definitions.py has no flags layout without labels): each is a located WIT0402, not C# that
/// fails to compile or a dynamic codec that indexes past an empty list.
/// </summary>
public sealed class EmptyTypeTests
{
    private const string Pkg = "package test:pkg;\n";

    public static TheoryData<string> Cases => new()
    {
        Pkg + "interface i {\n  record $$e {}\n}",
        Pkg + "interface i {\n  flags $$f {}\n}",
        Pkg + "interface i {\n  type t = $$tuple<>;\n}",
        Pkg + "interface i {\n  f: func(a: $$tuple<>);\n}",
        Pkg + "interface i {\n  enum $$e {}\n}",
        Pkg + "interface i {\n  variant $$v {}\n}",
        Pkg + "world w {\n  record $$e {}\n  import f: func(e: e);\n}",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_empty_type_is_an_error_at_its_name(string marked) => WitText.Error(marked, DiagnosticCodes.EmptyType);
}
