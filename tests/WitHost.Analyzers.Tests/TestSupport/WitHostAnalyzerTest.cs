using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using WitHost.Generator;

namespace WitHost.Analyzers.Tests.TestSupport;

/// <summary>
/// An analyzer (and code-fix) test set up like a project that uses the generator: the generated
/// [WitHost] attribute compiled in (allowed on interfaces), .wit AdditionalFiles under <see cref="ProjectDirectory"/> and
/// <c>build_property.projectdir</c> pointing there. References are the running runtime's own
/// assemblies, so nothing is downloaded.
/// </summary>
internal sealed class WitHostAnalyzerTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public const string ProjectDirectory = "/project/";

    public const string HostPath = ProjectDirectory + "Host.cs";

    private static readonly (string Path, string Text)[] s_attributeSources =
    {
        // The C#-first form puts the attribute on interfaces; the tests use it there whether or not
        // this version of the attribute lists that target yet.
        (ProjectDirectory + "obj/" + WitHostAttributeSource.HintName, WitHostAttributeSource.Text.Replace(
            "AttributeTargets.Class,",
            "AttributeTargets.Class | global::System.AttributeTargets.Interface,")),
        (ProjectDirectory + "obj/Microsoft.CodeAnalysis.EmbeddedAttribute.cs", "namespace Microsoft.CodeAnalysis { internal sealed partial class EmbeddedAttribute : global::System.Attribute { } }"),
    };

    private static readonly ImmutableArray<MetadataReference> s_platform =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

    private readonly bool _withGenerator;

    /// <param name="source">The host file.</param>
    /// <param name="fixedSource">The host file after the code fix, or null for an analyzer-only test.</param>
    /// <param name="withGenerator">
    /// True to run WitHost.Generator as a build does: its diagnostics (WITHOST0001–0005 among them)
    /// are expected like the analyzers', and the code fixes act on them. It adds the attribute itself
    /// and generates the hosts (not compared: the generator's own tests check its output).
    /// </param>
    public WitHostAnalyzerTest(string source, string? fixedSource = null, bool withGenerator = false)
    {
        _withGenerator = withGenerator;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(s_platform);
        TestState.Sources.Add((HostPath, source));
        var attributeSources = withGenerator ? Array.Empty<(string, string)>() : s_attributeSources;
        foreach (var attributeSource in attributeSources)
        {
            TestState.Sources.Add(attributeSource);
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.projectdir = {ProjectDirectory}\n"));
        if (withGenerator)
        {
            // Generated hosts call the runtime.
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(WitHost.Wamr.WamrModule).Assembly.Location));
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        if (fixedSource is not null)
        {
            FixedState.Sources.Add((HostPath, fixedSource));
            foreach (var attributeSource in attributeSources)
            {
                FixedState.Sources.Add(attributeSource);
            }
        }
    }

    protected override IEnumerable<Type> GetSourceGenerators()
        => _withGenerator ? new[] { typeof(WitHostGenerator) } : Array.Empty<Type>();

    /// <summary>Expects <paramref name="descriptor"/> with exactly <paramref name="message"/> at the markup location <c>{|#n:…|}</c>.</summary>
    public WitHostAnalyzerTest<TAnalyzer, TCodeFix> Expecting(DiagnosticDescriptor descriptor, string message, int location = 0)
    {
        ExpectedDiagnostics.Add(new DiagnosticResult(descriptor).WithLocation(location).WithMessage(message));
        return this;
    }

    /// <summary>Adds a .wit AdditionalFile at <paramref name="relativePath"/> under the project directory.</summary>
    public WitHostAnalyzerTest<TAnalyzer, TCodeFix> WithWit(string relativePath, string text)
    {
        TestState.AdditionalFiles.Add((ProjectDirectory + relativePath, text));
        return this;
    }
}
