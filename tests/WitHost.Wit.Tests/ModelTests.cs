using System.Collections.Immutable;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>The model is immutable and compares by value, so caches can key on it.</summary>
public sealed class ModelTests
{
    [Fact]
    public void Equatable_array_compares_elements()
    {
        var a = ImmutableArray.Create(1, 2, 3).ToEquatableArray();
        var b = new[] { 1, 2, 3 }.ToEquatableArray();
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, EquatableArray.Create(1, 2));
        Assert.Equal(EquatableArray<int>.Empty, default);
        Assert.Empty(default(EquatableArray<int>));
    }

    [Fact]
    public void Resolving_the_same_text_twice_gives_equal_models()
    {
        const string text = "package a:b@1.0.0;\ninterface i {\n  resource r { m: func() -> list<r>; }\n  record p { x: option<r> }\n}\nworld w { export i; }";
        var first = WitResolver.ResolveText(text, "x.wit");
        var second = WitResolver.ResolveText(text, "x.wit");
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first.Root, WitResolver.ResolveText(text.Replace("x: option<r>", "y: option<r>"), "x.wit").Root);
    }

    [Fact]
    public void Whole_wasi_resolutions_compare_by_value()
    {
        using var dir = new TempDirectory();
        SharedWit.LayOut("wasi-0.2", "cli", dir.Path);
        Assert.Equal(WitResolver.ResolvePath(dir.Path), WitResolver.ResolvePath(dir.Path));
    }

    [Fact]
    public void Owners_name_interfaces_worlds_and_inline_interfaces()
    {
        var package = new WitPackageName("wasi", "io", new WitVersion(0, 2, 0));
        Assert.Equal("wasi:io/streams@0.2.0", new WitOwner(WitOwnerKind.Interface, package, "streams", null).QualifiedName);
        Assert.Equal("wasi:io/imports@0.2.0", new WitOwner(WitOwnerKind.World, package, null, "imports").QualifiedName);
        Assert.Equal("inline", new WitOwner(WitOwnerKind.Interface, package, "inline", "w").QualifiedName);
    }
}
