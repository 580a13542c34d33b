namespace WitHost.Wit.Syntax;

/// <summary>
/// Unwinds the parser to the nearest item boundary after a syntax error has been reported;
/// the parser then skips to a recovery point and carries on with the next item.
/// </summary>
internal sealed class ParseException : Exception
{
}
