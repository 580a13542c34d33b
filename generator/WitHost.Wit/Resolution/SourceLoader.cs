using WitHost.Wit.Binary;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Syntax;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>
/// Reads WIT from the file system with the layout WIT tooling uses: a root file, or a root directory
/// whose <c>*.wit</c> files form one package and whose <c>deps/</c> folder holds one dependency per
/// entry (a directory of <c>*.wit</c> files, a single <c>.wit</c> file, or a binary WIT package <c>.wasm</c>).
/// </summary>
internal static class SourceLoader
{
    /// <summary>A group of files that together form one package (plus any nested packages in them).</summary>
    public sealed record FileGroup(IReadOnlyList<FileSyntax> Files);

    /// <summary>Loads <paramref name="path"/>; returns the root group first, then one group per dependency.</summary>
    public static List<FileGroup> Load(string path, DiagnosticBag diagnostics)
    {
        var groups = new List<FileGroup>();
        if (File.Exists(path))
        {
            groups.Add(new FileGroup(new[] { ParseFile(path, diagnostics) }.Where(file => file is not null).ToList()!));
            return groups;
        }

        if (!Directory.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.UnreadablePath, new WitSourceSpan(path, 0, 0, 1, 1, 1, 1), $"no such file or directory: {path}");
            return groups;
        }

        var rootFiles = ParseDirectory(path, diagnostics);
        if (rootFiles.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.UnreadablePath, new WitSourceSpan(path, 0, 0, 1, 1, 1, 1), $"no .wit files in directory {path}");
        }

        groups.Add(new FileGroup(rootFiles));
        var deps = Path.Combine(path, "deps");
        if (Directory.Exists(deps))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(deps).OrderBy(entry => entry, StringComparer.Ordinal))
            {
                if (Directory.Exists(entry))
                {
                    groups.Add(new FileGroup(ParseDirectory(entry, diagnostics)));
                }
                else if (IsWitFile(entry))
                {
                    if (ParseFile(entry, diagnostics) is { } file)
                    {
                        groups.Add(new FileGroup(new[] { file }));
                    }
                }
                else if (entry.EndsWith(".wasm", StringComparison.Ordinal))
                {
                    if (ParseBinaryPackage(entry, diagnostics) is { } file)
                    {
                        groups.Add(new FileGroup(new[] { file }));
                    }
                }
                else if (entry.EndsWith(".wat", StringComparison.Ordinal))
                {
                    diagnostics.Error(DiagnosticCodes.UnreadablePath, new WitSourceSpan(entry, 0, 0, 1, 1, 1, 1),
                        $"WIT packages in the WebAssembly text format (.wat) are not supported as dependencies; give the binary (.wasm): {entry}");
                }
            }
        }

        return groups;
    }

    /// <summary>Parses text that did not come from disk.</summary>
    public static FileSyntax ParseText(string text, string path, DiagnosticBag diagnostics)
        => Parser.ParseFile(new SourceText(path, text), diagnostics);

    private static List<FileSyntax> ParseDirectory(string directory, DiagnosticBag diagnostics)
    {
        var files = new List<FileSyntax>();
        foreach (var file in Directory.EnumerateFiles(directory).Where(IsWitFile).OrderBy(file => file, StringComparer.Ordinal))
        {
            if (ParseFile(file, diagnostics) is { } parsed)
            {
                files.Add(parsed);
            }
        }

        return files;
    }

    /// <summary>
    /// A binary WIT package (a component encoding it, as <c>wasm-tools component wit --wasm</c>
    /// writes): decoded to WIT text, then parsed like a file. Diagnostics in it point at the
    /// decoded text, under the binary's path.
    /// </summary>
    private static FileSyntax? ParseBinaryPackage(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = ComponentWitDecoder.DecodePackage(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadablePath, new WitSourceSpan(path, 0, 0, 1, 1, 1, 1), $"cannot read {path}: {e.Message}");
            return null;
        }
        catch (ComponentFormatException e)
        {
            diagnostics.Error(DiagnosticCodes.UnreadablePath, new WitSourceSpan(path, 0, 0, 1, 1, 1, 1), $"not a binary WIT package: {path}: {e.Message}");
            return null;
        }
        return ParseText(text, path, diagnostics);
    }

    private static bool IsWitFile(string path) => path.EndsWith(".wit", StringComparison.Ordinal);

    private static FileSyntax? ParseFile(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadablePath, new WitSourceSpan(path, 0, 0, 1, 1, 1, 1), $"cannot read {path}: {exception.Message}");
            return null;
        }

        return ParseText(text, path, diagnostics);
    }
}
