using System.Text;
using WitHost.Wit.Diagnostics;

namespace WitHost.Wit.Syntax;

/// <summary>Decodes a WIT string literal (the Core WebAssembly text format's name syntax).</summary>
internal static class StringLiteral
{
    public static string Decode(SourceText source, Token token, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var end = token.End - 1;
        var bytes = new List<byte>();
        for (var i = token.Start + 1; i < end; i++)
        {
            var ch = text[i];
            if (ch != '\\')
            {
                var s = char.IsHighSurrogate(ch) && i + 1 < end ? text.Substring(i++, 2) : ch.ToString();
                bytes.AddRange(Encoding.UTF8.GetBytes(s));
                continue;
            }

            var escapeStart = i;
            var next = ++i < end ? text[i] : '\0';
            switch (next)
            {
                case 't': bytes.Add((byte)'\t'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case '"': bytes.Add((byte)'"'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case 'u' when i + 1 < end && text[i + 1] == '{':
                {
                    var close = text.IndexOf('}', i);
                    if (close < 0 || close >= end || !int.TryParse(text.Substring(i + 2, close - i - 2).Replace("_", ""), System.Globalization.NumberStyles.HexNumber, null, out var code)
                        || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                    {
                        Report(source, escapeStart, diagnostics);
                        return "";
                    }

                    bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(code)));
                    i = close;
                    break;
                }

                default:
                    if (IsHex(next) && i + 1 < end && IsHex(text[i + 1]))
                    {
                        bytes.Add(Convert.ToByte(text.Substring(i, 2), 16));
                        i++;
                        break;
                    }

                    Report(source, escapeStart, diagnostics);
                    return "";
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }
        catch (ArgumentException)
        {
            diagnostics.Error(DiagnosticCodes.InvalidStringLiteral, new TextSpan(source, token.Start, token.Length), "string literal is not valid UTF-8");
            return "";
        }
    }

    private static bool IsHex(char ch) => ch is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static void Report(SourceText source, int at, DiagnosticBag diagnostics)
        => diagnostics.Error(DiagnosticCodes.InvalidStringLiteral, new TextSpan(source, at, 2), "invalid escape in string literal");
}
