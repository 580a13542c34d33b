namespace WitHost.Abi.Tests;

/// <summary>A position in a list of WIT tokens (words, <c>-></c> and single punctuation characters).</summary>
internal sealed class WitTokenCursor
{
    private readonly List<string> _tokens;
    private int _position;

    public WitTokenCursor(List<string> tokens, int position = 0)
    {
        _tokens = tokens;
        _position = position;
    }

    public bool AtEnd => _position >= _tokens.Count;

    public int Position => _position;

    public string Peek() => AtEnd ? "" : _tokens[_position];

    public string Take() => AtEnd ? throw new FormatException("Unexpected end of WIT text.") : _tokens[_position++];

    public bool TryTake(string token)
    {
        if (Peek() != token)
        {
            return false;
        }

        _position++;
        return true;
    }

    public void Expect(string token)
    {
        var actual = Take();
        if (actual != token)
        {
            throw new FormatException($"Expected '{token}', found '{actual}'.");
        }
    }

    public void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new FormatException($"Unexpected '{Peek()}'.");
        }
    }

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '>')
            {
                tokens.Add("->");
                i += 2;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '%' or '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '%' or '_'))
                {
                    i++;
                }

                tokens.Add(text[start..i].TrimStart('%'));
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }

        return tokens;
    }
}
