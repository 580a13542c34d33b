using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WitHost.Generator.CSharpFirst;
using WitHost.Generator.Emitting;
using WitHost.Generator.Model;
using WitHost.Wit;
using WitHost.Generator.Binding;
using WitHost.Wit.Collections;

namespace WitHost.Generator;

/// <summary>
/// Generates typed hosts for WIT worlds: <c>[WitHost("wit/sample.wit", World = "sample")]</c> on a
/// partial class. The pipeline only carries equatable data (specs, file texts, binding models), so
/// an unrelated C# edit reuses every step, and a .wit edit re-resolves only the hosts that read it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WitHostGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static output =>
        {
            output.AddEmbeddedAttributeDefinition();
            output.AddSource(WitHostAttributeSource.HintName, WitHostAttributeSource.Text);
        });

        var hostSpecs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                WitHostAttributeSource.AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax,
                HostSpecParser.Parse)
            .WithTrackingName(TrackingNames.HostSpecs);

        var witFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".wit", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new WitSourceFile(
                PathText.Normalize(file.Path),
                file.GetText(cancellationToken)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.WitFiles)
            .Collect()
            .Select(static (files, _) => files.OrderBy(file => file.Path, StringComparer.Ordinal).ToEquatableArray());

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.projectdir", out var directory)
                ? PathText.Normalize(directory)
                : "")
            .WithTrackingName(TrackingNames.ProjectDirectory);

        // C#-first interfaces: [WitHost("ns:pkg/iface")] on a partial interface.
        var csharpFirst = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                WitHostAttributeSource.AttributeMetadataName,
                static (node, _) => node is InterfaceDeclarationSyntax,
                CSharpFirstReader.Read)
            .WithTrackingName(TrackingNames.CSharpFirstInterfaces);

        context.RegisterSourceOutput(csharpFirst, static (output, result) =>
        {
            DiagnosticReporter.Report(output, result.Diagnostics);
            if (result.Interface is { } item)
            {
                output.AddSource(CSharpFirstEmitter.HintName(item), CSharpFirstEmitter.Emit(item));
            }
        });

        var csharpFirstInterfaces = csharpFirst
            .Where(static result => result.Interface is not null)
            .Select(static (result, _) => result.Interface!)
            .Collect()
            .Select(static (items, _) => items.OrderBy(item => item.FullName, StringComparer.Ordinal).ToEquatableArray());

        var hostSources = hostSpecs
            .Where(static result => result.Spec is not null)
            .Combine(witFiles)
            .Combine(projectDirectory)
            .Combine(csharpFirstInterfaces)
            .Select(static (input, _) => CSharpFirstSources.Select(input.Left.Left.Left.Spec!, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.HostSources);

        context.RegisterSourceOutput(hostSources, static (output, sources) =>
        {
            if (sources.DerivedWitText.Length > 0 && sources.Spec.IsExtensible)
            {
                output.AddSource(CSharpFirstEmitter.HostHintName(sources.Spec), CSharpFirstEmitter.EmitHost(sources));
            }
        });

        var worldBindings = hostSources
            .Select(static (sources, _) => WorldGeneration.Bind(sources))
            .WithTrackingName(TrackingNames.WorldBindings);

        context.RegisterSourceOutput(hostSpecs, static (output, result) => DiagnosticReporter.Report(output, result.Diagnostics));

        context.RegisterSourceOutput(worldBindings, static (output, result) =>
        {
            DiagnosticReporter.Report(output, result.Diagnostics);
            if (result.Binding is { } world)
            {
                foreach (var file in WorldGeneration.EmitWorld(world))
                {
                    output.AddSource(file.HintName, file.Text);
                }
            }
        });

        var mergedScopes = worldBindings
            .Collect()
            .Select(static (worlds, _) => ScopeMerger.Merge(worlds))
            .WithTrackingName(TrackingNames.MergedScopes);

        context.RegisterSourceOutput(mergedScopes, static (output, merged) => DiagnosticReporter.Report(output, merged.Diagnostics));

        // One node per scope: a scope whose binding did not change is not emitted again.
        var scopes = mergedScopes
            .SelectMany(static (merged, _) => merged.Scopes.Where(scope => !scope.IsDeclaredInCSharp))
            .WithTrackingName(TrackingNames.Scopes);

        context.RegisterSourceOutput(scopes, static (output, scope) =>
        {
            var file = WorldGeneration.EmitScope(scope);
            output.AddSource(file.HintName, file.Text);
        });
    }
}
