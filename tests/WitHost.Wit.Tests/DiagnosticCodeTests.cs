using System.Reflection;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>Every diagnostic code, each with a source that triggers it at the $$ marker.</summary>
public sealed class DiagnosticCodeTests
{
    private const string Pkg = "package test:pkg;\n";

    public static TheoryData<string, string> Cases => new()
    {
        { DiagnosticCodes.UnexpectedCharacter, Pkg + "interface i {\n  $$#\n}" },
        { DiagnosticCodes.UnterminatedComment, Pkg + "interface i {}\n$$/* never closed" },
        { DiagnosticCodes.InvalidStringLiteral, Pkg + "world w {\n  @external-id(\"$$\\q\")\n  import f: func();\n}" },
        { DiagnosticCodes.ForbiddenCodePoint, Pkg + "interface i {}\n$$\u0007" },
        { DiagnosticCodes.InvalidIdentifier, Pkg + "interface $$foo_bar {}" },
        { DiagnosticCodes.UnexpectedToken, Pkg + "interface i {\n  f: func() $$u32;\n}" },
        { DiagnosticCodes.InvalidVersion, "package test:pkg@$$1.02.0;\ninterface i {}" },
        { DiagnosticCodes.InvalidListLength, Pkg + "interface i {\n  type t = list<u8, $$0>;\n}" },
        { DiagnosticCodes.TypeNestingTooDeep, Pkg + "interface i {\n  type t = " + string.Concat(Enumerable.Repeat("list<", 100)) + "$$list<u8" + new string('>', 101) + ";\n}" },
        { DiagnosticCodes.NestedPackageNotTopLevel, Pkg + "package a:b {\n  $$package c:d {}\n}" },
        { DiagnosticCodes.InvalidAttribute, Pkg + "@$$frobnicate(x)\ninterface i {}" },
        { DiagnosticCodes.InvalidGateCombination, "package test:pkg@1.0.0;\n@since(version = 1.0.0)\n$$@since(version = 1.0.0)\ninterface i {}" },
        { DiagnosticCodes.AttributeNotAllowed, Pkg + "$$@since(version = 1.0.0)\npackage a:b {}" },
        { DiagnosticCodes.MissingPackageDeclaration, "interface $$i {}" },
        { DiagnosticCodes.DuplicatePackage, Pkg + "package a:b {}\npackage $$a:b {}" },
        { DiagnosticCodes.PackageCycle, Pkg + "package c:d {\n  interface i { use e:f/j.{}; }\n}\npackage e:f {\n  interface j { use $$c:d/i.{}; }\n}" },
        { DiagnosticCodes.PackageNotFound, Pkg + "interface i {\n  use $$x:y/z.{t};\n}" },
        { DiagnosticCodes.DuplicateItem, Pkg + "interface i {}\nworld $$i {}" },
        { DiagnosticCodes.DuplicateFileName, Pkg + "use a:b/e as $$i;\ninterface i {}\npackage a:b { interface e {} }" },
        { DiagnosticCodes.DuplicateName, Pkg + "interface i {\n  type t = u32;\n  $$t: func();\n}" },
        { DiagnosticCodes.CaseInsensitiveClash, Pkg + "world w {\n  export get-user: func();\n  export $$GET-USER: func();\n}" },
        { DiagnosticCodes.DuplicateMember, Pkg + "interface i {\n  record r { a: u32, $$a: u32 }\n}" },
        { DiagnosticCodes.UnknownInterfaceOrWorld, Pkg + "interface i {\n  use $$nope.{t};\n}" },
        { DiagnosticCodes.InterfaceNotFound, Pkg + "interface i {\n  use a:b/$$nope.{t};\n}\npackage a:b { interface e {} }" },
        { DiagnosticCodes.WorldNotFound, Pkg + "world w {\n  include a:b/$$nope;\n}\npackage a:b { world e {} }" },
        { DiagnosticCodes.WrongItemKind, Pkg + "interface i {}\nworld w {\n  include $$i;\n}" },
        { DiagnosticCodes.UnknownType, Pkg + "interface i {\n  type t = $$nope;\n}" },
        { DiagnosticCodes.NotAType, Pkg + "interface i {\n  f: func();\n  type t = $$f;\n}" },
        { DiagnosticCodes.ItemCycle, Pkg + "interface $$i { use j.{a}; type b = u32; }\ninterface j { use i.{b}; type a = u32; }" },
        { DiagnosticCodes.TypeCycle, Pkg + "interface i {\n  type a = b;\n  type b = $$a;\n}" },
        { DiagnosticCodes.HandleOfNonResource, Pkg + "interface i {\n  type t = u32;\n  type h = own<$$t>;\n}" },
        { DiagnosticCodes.BorrowInResult, Pkg + "interface i {\n  resource r;\n  $$f: func() -> borrow<r>;\n}" },
        { DiagnosticCodes.EmptyType, Pkg + "interface i {\n  enum $$e {}\n}" },
        { DiagnosticCodes.InvalidMapKey, Pkg + "interface i {\n  type m = map<$$f32, u8>;\n}" },
        { DiagnosticCodes.InvalidConstructorResult, Pkg + "interface i {\n  resource r {\n    constructor() -> $$u32;\n  }\n}" },
        { DiagnosticCodes.DuplicateConstructor, Pkg + "interface i {\n  resource r {\n    constructor();\n    $$constructor();\n  }\n}" },
        { DiagnosticCodes.WorldNameConflict, Pkg + "world w {\n  type a = u32;\n  import $$a: func();\n}" },
        { DiagnosticCodes.InterfaceRepeated, Pkg + "interface i {}\nworld w {\n  import i;\n  import $$i;\n}" },
        { DiagnosticCodes.IncludeShadows, Pkg + "world a { import x: func(); }\nworld b {\n  import x: func();\n  include $$a;\n}" },
        { DiagnosticCodes.IncludeNameNotFound, Pkg + "world a { import x: func(); }\nworld b {\n  include a with { $$y as z }\n}" },
        { DiagnosticCodes.IncompatibleTransitiveDependency, Pkg + "interface i1 { type t = u32; }\ninterface i2 { use i1.{t}; }\ninterface i3 { use i2.{t}; }\nworld $$w {\n  import i1: interface {}\n  export i1;\n  export i3;\n}" },
        { DiagnosticCodes.ReferenceToDisabledItem, Pkg + "interface i {\n  @unstable(feature = off)\n  type g = u32;\n  type t = $$g;\n}" },
        { DiagnosticCodes.GateVersionUnreleased, "package test:pkg@1.0.0;\n$$@since(version = 2.0.0)\ninterface i {}" },
        { DiagnosticCodes.GateInUnversionedPackage, Pkg + "$$@since(version = 1.0.0)\ninterface i {}" },
        { DiagnosticCodes.TypeTooLarge, Pkg + "interface i {\n  type $$t = list<u64, 536870912>;\n}" },
    };

    /// <summary>Codes that need files on disk; their tests are in <see cref="DirectoryTests"/>.</summary>
    private static readonly string[] s_coveredByDirectoryTests =
    {
        DiagnosticCodes.PackageNameMismatch,
        DiagnosticCodes.MultiplePackageDocs,
        DiagnosticCodes.UnreadablePath,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Code_is_reported_at_the_offending_text(string code, string marked) => WitText.Error(marked, code);

    [Fact]
    public void Every_code_has_a_test()
    {
        var tested = Cases.Select(row => (string)row[0]).Concat(s_coveredByDirectoryTests).ToHashSet();
        var untested = AllCodes().Where(code => !tested.Contains(code)).ToList();
        Assert.Empty(untested);
    }

    [Fact]
    public void Every_code_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(SharedWit.RepositoryRoot, "docs", "diagnostics.md"));
        var undocumented = AllCodes().Where(code => !doc.Contains("## " + code, StringComparison.Ordinal)).ToList();
        Assert.Empty(undocumented);
    }

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var codes = AllCodes().ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^WIT[0-9]{4}$", code));
    }

    private static IEnumerable<string> AllCodes()
        => typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetValue(null)!);
}
