namespace WitHost.Wamr.Values;

/// <summary>WAVE text that does not parse as a value of the expected type.</summary>
public sealed class WaveParseException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="offset"/> (line and column are 1-based).</summary>
    public WaveParseException(string reason, int offset, int line, int column)
        : base($"WAVE parse error at line {line}, column {column} (offset {offset}): {reason}")
    {
        Reason = reason;
        Offset = offset;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The 0-based character offset of the problem in the text.</summary>
    public int Offset { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in UTF-16 code units) of the problem.</summary>
    public int Column { get; }
}
