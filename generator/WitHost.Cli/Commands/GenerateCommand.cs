using System.CommandLine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
        var className = new System.CommandLine.Option<string?>("--class") { Description = "The host class name (default: the world's name in PascalCase + Host, e.g. RoundTripHost for world round-trip)" };
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
            return ExitCodes.Usage;
        }

        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath) && !Directory.Exists(fullPath))
        {
            error.WriteLine($"error: '{path}' does not exist");
            return ExitCodes.Usage;
        }

        if (InvalidName(ns, "namespace", allowDots: true, error) || (className is not null && InvalidName(className, "class", allowDots: false, error)))
        {
            return ExitCodes.Usage;
        }

        var witFiles = ReadWitFiles(fullPath).ToList();
        if (witFiles.Count == 0)
        {
            error.WriteLine($"error: '{path}' holds no .wit file");
            return ExitCodes.Usage;
        }

        // The WIT is resolved once here for what the generator cannot say in a command's terms: a
        // misspelt --world (a usage error, with the names it has) and the world a class is named
        // after when neither is given. WIT errors themselves are the generator's to report.
        var resolution = WitResolver.ResolvePath(fullPath);
        var package = resolution.HasErrors ? null : resolution.Root;
        if (package is not null && worldName is not null && package.FindWorld(worldName) is null)
        {
            WorldSelection.ReportUnknownWorld(package, worldName, error);
            return ExitCodes.Usage;
        }

        var witPath = PathText.Normalize(fullPath);
        var spec = new HostSpec(
            ns,
            className ?? DefaultClassName(worldName ?? (package is { Worlds.Count: 1 } ? package.Worlds[0].Name : null)),
            witPath,
            SourceFilePath: "",
            worldName,
            encoding,
            // No C# attribute exists here; problems with the host itself point at the WIT path.
            new SourceLocationInfo(witPath, 0, 0, 0, 0, 0, 0));

        var generated = WorldGeneration.Generate(spec, witFiles, projectDirectory: "");
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
            return ExitCodes.Failure;
        }

        Directory.CreateDirectory(outDirectory);
        foreach (var file in generated.Files)
        {
            File.WriteAllText(Path.Combine(outDirectory, file.HintName), file.Text);
        }

        output.WriteLine($"wrote {generated.Files.Count} files to {outDirectory}");
        return ExitCodes.Success;
    }

    /// <summary>The file itself, or every .wit file under the directory (its deps/ included), as a project hands them to the generator.</summary>
    private static IEnumerable<WitSourceFile> ReadWitFiles(string fullPath)
    {
        var paths = File.Exists(fullPath)
            ? new[] { fullPath }
            : Directory.EnumerateFiles(fullPath, "*.wit", SearchOption.AllDirectories);
        return paths.Select(file => new WitSourceFile(PathText.Normalize(file), File.ReadAllText(file)));
    }

    /// <summary>
    /// True, after saying why, when <paramref name="name"/> is not a C# identifier (or, with
    /// <paramref name="allowDots"/>, a dotted namespace name): the generated files would not compile.
    /// The empty namespace is the global one.
    /// </summary>
    private static bool InvalidName(string name, string what, bool allowDots, TextWriter error)
    {
        if (allowDots && name.Length == 0)
        {
            return false;
        }

        var parts = allowDots ? name.Split('.') : [name];
        foreach (var part in parts)
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                var reason = part.Length == 0 ? "has an empty part" : SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None ? $"uses the keyword '{part}'" : $"'{part}' is not a C# identifier";
                error.WriteLine($"error: --{what} '{name}' is not a valid C# {what} name: {reason}");
                return true;
            }
        }

        return false;
    }

    /// <summary><c>ns:pkg/round-trip@1.0.0</c> → <c>RoundTripHost</c>; no single world → <c>WorldHost</c> (nothing is written then).</summary>
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
