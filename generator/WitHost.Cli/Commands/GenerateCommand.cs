using System.CommandLine;
using Microsoft.CodeAnalysis;
using WitHost.Generator;
using WitHost.Generator.Emitting;
using WitHost.Generator.Model;
using WitHost.Generator.Binding;
using WitHost.Wit;

namespace WitHost.Cli.Commands;

/// <summary>
/// <c>wit-host generate &lt;path&gt; [--world &lt;name&gt;] --out &lt;dir&gt; [--encoding …] [--namespace …] [--class …]</c>:
/// writes the C# that <c>[WitHost(path, World = name)]</c> on <c>partial class Namespace.Class</c>
/// makes the source generator emit, one file per generated source (same hint names, same text).
/// </summary>
/// <remarks>
/// It runs the generator's own stages (<see cref="WorldGeneration.Generate"/>), so the files are the
/// generator's output and not a re-implementation. The <c>[WitHost]</c> attribute itself is not
/// written: the generator adds it to every compilation, it does not belong to a world. Exit codes:
/// 0 written, 1 the WIT or the world has errors (nothing is written), 2 bad usage.
/// </remarks>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A .wit file, or a directory of .wit files with an optional deps/ folder" };
        var world = new System.CommandLine.Option<string?>("--world") { Description = "The world to generate (optional when the package has one)" };
        var outDirectory = new System.CommandLine.Option<string>("--out") { Description = "The directory to write the .g.cs files to", Required = true };
        var encoding = new System.CommandLine.Option<string>("--encoding") { Description = "utf8 (default), utf16 or latin1+utf16", DefaultValueFactory = _ => "utf8" };
        var ns = new System.CommandLine.Option<string>("--namespace") { Description = "The host class's namespace (default: the global namespace)", DefaultValueFactory = _ => "" };
        var className = new System.CommandLine.Option<string?>("--class") { Description = "The host class name (default: the world name in PascalCase + Host)" };
        var command = new Command("generate", "Write the C# the source generator emits for a world")
        {
            path,
            world,
            outDirectory,
            encoding,
            ns,
            className,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(path)!,
            parseResult.GetValue(world),
            parseResult.GetValue(outDirectory)!,
            parseResult.GetValue(encoding)!,
            parseResult.GetValue(ns)!,
            parseResult.GetValue(className),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string path, string? worldName, string outDirectory, string encodingName, string ns, string? className, TextWriter output, TextWriter error)
    {
        if (ParseEncoding(encodingName) is not { } encoding)
        {
            error.WriteLine($"error: unknown string encoding '{encodingName}' (utf8, utf16 or latin1+utf16)");
            return 2;
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath) && !Directory.Exists(fullPath))
        {
            error.WriteLine($"error: '{path}' does not exist");
            return 2;
        }

        var witPath = PathText.Normalize(fullPath);
        var spec = new HostSpec(
            ns,
            className ?? DefaultClassName(worldName),
            witPath,
            SourceFilePath: "",
            worldName,
            encoding,
            // No C# attribute exists here; problems with the host itself point at the WIT path.
            new SourceLocationInfo(witPath, 0, 0, 0, 0, 0, 0));

        var generated = WorldGeneration.Generate(spec, ReadWitFiles(fullPath), projectDirectory: "");
        var failed = false;
        foreach (var info in generated.Diagnostics)
        {
            var diagnostic = DiagnosticReporter.ToDiagnostic(info);
            failed |= diagnostic.Severity == DiagnosticSeverity.Error;
            output.WriteLine(diagnostic.ToString());
        }

        if (failed || generated.Files.Count == 0)
        {
            error.WriteLine("error: nothing generated");
            return 1;
        }

        Directory.CreateDirectory(outDirectory);
        foreach (var file in generated.Files)
        {
            File.WriteAllText(Path.Combine(outDirectory, file.HintName), file.Text);
        }

        output.WriteLine($"wrote {generated.Files.Count} files to {outDirectory}");
        return 0;
    }

    /// <summary>The file itself, or every .wit file under the directory (its deps/ included), as the generator's AdditionalFiles would be.</summary>
    private static IEnumerable<WitSourceFile> ReadWitFiles(string fullPath)
    {
        var paths = File.Exists(fullPath)
            ? new[] { fullPath }
            : Directory.EnumerateFiles(fullPath, "*.wit", SearchOption.AllDirectories);
        return paths.Select(file => new WitSourceFile(PathText.Normalize(file), File.ReadAllText(file)));
    }

    /// <summary><c>ns:pkg/round-trip@1.0.0</c> → <c>RoundTripHost</c>; no world → <c>WorldHost</c>.</summary>
    private static string DefaultClassName(string? worldName)
    {
        if (worldName is null)
        {
            return "WorldHost";
        }

        var name = worldName;
        var at = name.IndexOf('@');
        if (at >= 0)
        {
            name = name.Substring(0, at);
        }

        name = name.Substring(name.LastIndexOf('/') + 1);
        return CSharpNames.ToPascalCase(name) + "Host";
    }

    private static StringEncodingKind? ParseEncoding(string name) => name switch
    {
        "utf8" => StringEncodingKind.Utf8,
        "utf16" => StringEncodingKind.Utf16,
        "latin1+utf16" => StringEncodingKind.Latin1Utf16,
        _ => null,
    };
}
