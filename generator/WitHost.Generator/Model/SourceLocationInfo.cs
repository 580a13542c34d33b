namespace WitHost.Generator.Model;

/// <summary>
/// Where a diagnostic points, as plain data. A Roslyn <c>Location</c> holds a syntax tree, which
/// would keep the whole compilation alive and defeat caching, so the pipeline carries this and
/// builds the <c>Location</c> only when reporting.
/// </summary>
/// <param name="FilePath">The file (a .cs file or a .wit file).</param>
/// <param name="Start">The 0-based character offset of the span.</param>
/// <param name="Length">The span length in characters.</param>
/// <param name="StartLine">The 0-based line of the start.</param>
/// <param name="StartColumn">The 0-based column of the start.</param>
/// <param name="EndLine">The 0-based line of the end.</param>
/// <param name="EndColumn">The 0-based column of the end.</param>
internal sealed record SourceLocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);
