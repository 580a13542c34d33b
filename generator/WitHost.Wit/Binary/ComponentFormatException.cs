namespace WitHost.Wit.Binary;

/// <summary>
/// A WebAssembly binary (a component, or a core module read for what a component does with it)
/// is malformed or uses a construct this reader does not support. The message names the problem
/// and <see cref="Offset"/> is the byte offset in the outermost binary where it was found.
/// </summary>
public sealed class ComponentFormatException : FormatException
{
    public ComponentFormatException(string message, long offset)
        : base($"{message} (at byte offset {offset})")
    {
        Offset = offset;
        Reason = message;
    }

    /// <summary>The byte offset in the outermost binary where the problem was found.</summary>
    public long Offset { get; }

    /// <summary>The problem, without the offset.</summary>
    public string Reason { get; }
}
