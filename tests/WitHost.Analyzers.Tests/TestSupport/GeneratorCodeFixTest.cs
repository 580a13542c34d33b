using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using WitHost.Generator;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Analyzers.Tests.TestSupport;

/// <summary>
/// A code fix applied to a diagnostic of the generator, as the IDE applies it: the diagnostics are
/// checked as a build reports them (<see cref="Verify.Generator"/>), then the generator runs on a
/// workspace's project and the fix acts on the diagnostic it reported. (The testing package's
/// code-fix runner only fixes analyzer and compiler diagnostics, not a generator's.)
/// </summary>
internal sealed partial class GeneratorCodeFixTest<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    private readonly string _source;
    private readonly string _fixedSource;
    private readonly WitHostAnalyzerTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider> _diagnostics;
    private readonly List<(string Path, string Text)> _wit = new();

    /// <param name="source">The host file with markup for the expected diagnostics.</param>
    /// <param name="fixedSource">The host file after the fix; the same text as the source (without markup) when no fix is offered.</param>
    public GeneratorCodeFixTest(string source, string fixedSource)
    {
        _source = source;
        _fixedSource = fixedSource;
        _diagnostics = Verify.Generator(source);
    }

    /// <summary>The fix to apply when several are offered; null when exactly one must be.</summary>
    public string? CodeActionEquivalenceKey { get; set; }

    public GeneratorCodeFixTest<TCodeFix> WithWit(string relativePath, string text)
    {
        _diagnostics.WithWit(relativePath, text);
        _wit.Add((WitHostAnalyzerTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider>.ProjectDirectory + relativePath, text));
        return this;
    }

    public GeneratorCodeFixTest<TCodeFix> Expecting(DiagnosticDescriptor descriptor, string message, int location = 0)
    {
        _diagnostics.Expecting(descriptor, message, location);
        return this;
    }

    public async Task RunAsync()
    {
        await _diagnostics.RunAsync();

        var source = Markup().Replace(_source, "");
        using var workspace = new AdhocWorkspace();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Host",
            "Host",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: parseOptions,
            metadataReferences: References()));
        var document = workspace.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(project.Id),
            "Host.cs",
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)),
            filePath: WitHostAnalyzerTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider>.HostPath));

        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.projectdir"] = WitHostAnalyzerTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider>.ProjectDirectory,
        });
        CSharpGeneratorDriver
            .Create(
                new[] { new WitHostGenerator().AsSourceGenerator() },
                _wit.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)),
                parseOptions,
                options)
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var generatorDiagnostics);

        var provider = new TCodeFix();
        var actions = new List<CodeAction>();
        foreach (var diagnostic in generatorDiagnostics.Where(diagnostic => provider.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        if (Markup().Replace(_fixedSource, "") == source)
        {
            Assert.Empty(actions);
            return;
        }

        var chosen = CodeActionEquivalenceKey is null ? Assert.Single(actions) : Assert.Single(actions, action => action.EquivalenceKey == CodeActionEquivalenceKey);
        var operation = Assert.Single((await chosen.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedText = await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync();
        Assert.Equal(_fixedSource, fixedText.ToString());
    }

    private static IEnumerable<MetadataReference> References()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(WitHost.Wamr.WamrModule).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));

    // The testing package's location markup: `{|#0:` or `{|WITHOST0001:` and the closing `|}`.
    [GeneratedRegex(@"\{\|[^:|]+:|\|\}")]
    private static partial Regex Markup();
}
