using System.Globalization;
using System.Text;

namespace WitHost.Samples.HelloWorld;

/// <summary>
/// Writes values the way WIT spells them (strings quoted, <c>some(…)</c>, <c>ok(…)</c>, cases in
/// kebab-case), so each printed call reads like the WIT function it calls.
/// </summary>
public static class WitText
{
    public static string Of(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{{{(int)c:x}}}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    public static string Of(bool value) => value ? "true" : "false";

    public static string Of(uint value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Of(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    // The shortest text that reads back as the same float; infinities and NaN as WIT values write them.
    public static string Of(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        double.NaN => "nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string Of(float value) => float.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : Of((double)value);

    /// <summary>An enum case by its WIT name: <c>DivideByZero</c> is <c>divide-by-zero</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var text = new StringBuilder();
        foreach (char c in value.ToString())
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    public static string List<T>(IEnumerable<T> items, Func<T, string> item) => $"[{string.Join(", ", items.Select(item))}]";

    public static string Option<T>(T? value, Func<T, string> some) where T : struct => value is { } x ? $"some({some(x)})" : "none";

    public static string Option(string? value) => value is null ? "none" : $"some({Of(value)})";

    public static string Option<T>(Option<T> value, Func<T, string> some) => value.TryGetValue(out T inner) ? $"some({some(inner)})" : "none";

    public static string Result<T, E>(Result<T, E> value, Func<T, string> ok, Func<E, string> err) =>
        value.Match(x => $"ok({ok(x)})", e => $"err({err(e)})");

    /// <summary>A result without an ok payload: <c>ok</c> or <c>err(…)</c>.</summary>
    public static string Result<E>(Result<Unit, E> value, Func<E, string> err) => value.Match(_ => "ok", e => $"err({err(e)})");
}
