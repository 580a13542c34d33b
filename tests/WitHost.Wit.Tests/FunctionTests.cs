using WitHost.Wit.Model;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>Functions, async functions, and resource constructors/methods/statics.</summary>
public sealed class FunctionTests
{
    [Fact]
    public void Freestanding_function_with_params_and_result()
    {
        var f = WitText.Function("/// Adds.\nadd: func(a: u32, b: u32) -> u64;", "add");
        Assert.Equal(WitFunctionKind.Freestanding, f.Kind);
        Assert.Equal(new[] { "a", "b" }, f.Parameters.Select(p => p.Name));
        Assert.Equal(WitPrimitiveType.U64, f.Result);
        Assert.False(f.IsAsync);
        Assert.Equal("Adds.", f.Docs);
        Assert.Equal("test:pkg/i", f.Owner.QualifiedName);
    }

    [Fact]
    public void Function_without_result_and_async_function()
    {
        Assert.Null(WitText.Function("f: func();", "f").Result);
        var g = WitText.Function("g: async func(s: stream<u8>) -> future<string>;", "g");
        Assert.True(g.IsAsync);
        Assert.Equal(new WitFutureType(WitPrimitiveType.String), g.Result);
    }

    [Fact]
    public void Resource_functions_get_component_model_names_and_self()
    {
        var i = WitText.Interface("""
            resource blob {
              constructor(init: list<u8>);
              write: func(bytes: list<u8>);
              read: async func(n: u32) -> list<u8>;
              merge: static func(lhs: borrow<blob>, rhs: borrow<blob>) -> blob;
            }
            """);
        var blob = Assert.IsType<WitResourceType>(i.Types.Single());
        Assert.Equal(new[] { "[constructor]blob", "[method]blob.write", "[method]blob.read", "[static]blob.merge" }, i.Functions.Select(f => f.ExternalName));

        var constructor = i.Functions[0];
        Assert.Equal((WitFunctionKind.Constructor, blob), (constructor.Kind, constructor.Resource));
        Assert.Equal(new WitHandleType(WitHandleKind.Own, blob), constructor.Result);

        var write = i.Functions[1];
        Assert.Equal(new WitParameter("self", new WitHandleType(WitHandleKind.Borrow, blob)), write.Parameters[0]);
        Assert.True(i.Functions[2].IsAsync);

        var merge = i.Functions[3];
        Assert.Equal(WitFunctionKind.Static, merge.Kind);
        Assert.Equal(2, merge.Parameters.Count);
        Assert.Equal(new WitHandleType(WitHandleKind.Own, blob), merge.Result);
    }

    [Fact]
    public void Fallible_constructor()
    {
        var i = WitText.Interface("resource r {\n  constructor() -> result<r, string>;\n}");
        var r = (WitResourceType)i.Types[0];
        Assert.Equal(new WitResultType(new WitHandleType(WitHandleKind.Own, r), WitPrimitiveType.String), i.Functions[0].Result);
    }

    [Fact]
    public void An_async_constructor_is_refused_at_async_and_the_rest_still_parses()
    {
        // The Component Model has no async constructors (wasm-tools: "constructor function cannot be async").
        var error = WitText.Error("package a:b;\ninterface i {\n  resource r {\n    $$async constructor(x: u32);\n    get: func() -> u32;\n  }\n}", Diagnostics.DiagnosticCodes.UnexpectedToken);
        Assert.Contains("a constructor cannot be async", error.Message);
    }

    [Fact]
    public void Constructor_result_must_be_its_own_resource()
        => WitText.Error("package a:b;\ninterface i {\n  resource r;\n  resource s {\n    constructor() -> result<$$r, string>;\n  }\n}", Diagnostics.DiagnosticCodes.InvalidConstructorResult);

    [Fact]
    public void Borrow_is_fine_in_parameters_but_not_nested_in_results()
    {
        WitText.Function("resource r;\nrecord holder { h: borrow<r> }\nf: func(x: holder, y: list<borrow<r>>);", "f");
        WitText.Error("package a:b;\ninterface i {\n  resource r;\n  record holder { h: borrow<r> }\n  $$f: func() -> option<holder>;\n}", Diagnostics.DiagnosticCodes.BorrowInResult);
    }

    [Fact]
    public void Method_and_static_names_clash_within_a_resource()
        => WitText.Error("package a:b;\ninterface i {\n  resource r {\n    a: func();\n    $$a: static func();\n  }\n}", Diagnostics.DiagnosticCodes.DuplicateName);

    [Fact]
    public void Duplicate_parameters_are_reported()
        => WitText.Error("package a:b;\ninterface i {\n  f: func(x: u32, $$x: u64);\n}", Diagnostics.DiagnosticCodes.DuplicateMember);
}
