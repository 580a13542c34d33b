using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;

namespace WitHost.Wit.Tests.TestSupport;

/// <summary>Shortcuts for resolving WIT text in tests.</summary>
internal static class WitText
{
    public const string FileName = "test.wit";

    /// <summary>Resolves <paramref name="text"/> and asserts there are no diagnostics.</summary>
    public static WitPackage Valid(string text, WitResolverOptions? options = null)
    {
        var resolution = WitResolver.ResolveText(text, FileName, options);
        Assert.True(resolution.Diagnostics.IsEmpty, "unexpected diagnostics:\n" + string.Join("\n", resolution.Diagnostics));
        Assert.NotNull(resolution.Root);
        return resolution.Root!;
    }

    public static WitInterface Interface(string body, string name = "i")
        => Valid($"package test:pkg;\ninterface {name} {{\n{body}\n}}\n").FindInterface(name)!;

    public static WitNamedType Type(string body, string name)
        => Interface(body).Types.Single(type => type.Name == name);

    public static WitFunction Function(string body, string externalName)
        => Interface(body).Functions.Single(function => function.ExternalName == externalName);

    public static WitWorld World(string text, string name = "w") => Valid(text).FindWorld(name)!;

    /// <summary>
    /// Resolves marked text and asserts an error with <paramref name="code"/> at the marker, and no
    /// diagnostic with another code.
    /// </summary>
    public static WitDiagnostic Error(string marked, string code, WitResolverOptions? options = null)
    {
        var source = MarkedSource.Parse(marked);
        var resolution = WitResolver.ResolveText(source.Text, FileName, options);
        return AssertError(resolution, source, code, FileName);
    }

    /// <summary>
    /// Like <see cref="Error"/>, but other diagnostics may follow (for errors whose recovery
    /// cannot avoid a follow-on error, such as an unterminated string).
    /// </summary>
    public static WitDiagnostic ErrorAmong(string marked, string code)
    {
        var source = MarkedSource.Parse(marked);
        var resolution = WitResolver.ResolveText(source.Text, FileName);
        var all = string.Join("\n", resolution.Diagnostics);
        var match = resolution.Diagnostics.FirstOrDefault(d => d.Code == code && d.Span.Line == source.Line && d.Span.Column == source.Column);
        Assert.True(match is not null, $"expected {code} at ({source.Line},{source.Column}), got:\n{all}");
        return match!;
    }

    public static WitDiagnostic AssertError(WitResolution resolution, MarkedSource source, string code, string path)
    {
        var all = string.Join("\n", resolution.Diagnostics);
        Assert.True(resolution.HasErrors, $"expected {code}, got no errors");
        Assert.All(resolution.Diagnostics, diagnostic => Assert.True(diagnostic.Code == code, $"expected only {code}, got:\n{all}"));
        var match = resolution.Diagnostics.FirstOrDefault(diagnostic => diagnostic.Span.Line == source.Line && diagnostic.Span.Column == source.Column);
        Assert.True(match is not null, $"expected {code} at ({source.Line},{source.Column}), got:\n{all}");
        Assert.EndsWith(path, match!.Span.Path, StringComparison.Ordinal);
        Assert.Equal(WitDiagnosticSeverity.Error, match.Severity);
        Assert.False(string.IsNullOrWhiteSpace(match.Message));
        return match;
    }
}
