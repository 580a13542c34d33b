using System.Globalization;
using System.Text;

namespace WitHost.Wamr.Values;

/// <summary>
/// Writes values as WAVE text (wasm-tools' Web Assembly Value Encoding). The output always uses
/// the explicit forms (<c>some(…)</c>, <c>ok(…)</c>, every record field), so it reads back as the
/// same value whatever the type; floats are written in their shortest round-trip form.
/// </summary>
public static class WaveWriter
{
    /// <summary>The WAVE text of <paramref name="value"/>.</summary>
    public static string Write(WitValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    /// <summary>Appends the WAVE text of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static void Write(StringBuilder builder, WitValue value)
    {
        switch (value)
        {
            case WitBoolValue boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            case WitIntegerValue integer:
                builder.Append(integer.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case WitFloat32Value single:
                WriteFloat(builder, single.Value, float.IsNaN(single.Value), float.IsInfinity(single.Value), single.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case WitFloat64Value @double:
                WriteFloat(builder, @double.Value, double.IsNaN(@double.Value), double.IsInfinity(@double.Value), @double.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case WitCharValue character:
                builder.Append('\'');
                AppendEscaped(builder, character.Value, '\'');
                builder.Append('\'');
                break;
            case WitStringValue text:
                builder.Append('"');
                foreach (var rune in text.Value.EnumerateRunes())
                {
                    AppendEscaped(builder, rune, '"');
                }

                builder.Append('"');
                break;
            case WitListValue list:
                WriteSequence(builder, '[', list.Elements, ']');
                break;
            case WitTupleValue tuple:
                WriteSequence(builder, '(', tuple.Elements, ')');
                break;
            case WitRecordValue record:
                WriteRecord(builder, record);
                break;
            case WitVariantValue variant:
                AppendLabel(builder, variant.Case, escapeKeywords: true);
                WritePayload(builder, variant.Payload);
                break;
            case WitEnumValue @enum:
                AppendLabel(builder, @enum.Case, escapeKeywords: true);
                break;
            case WitOptionValue option:
                builder.Append(option.Value is null ? "none" : "some");
                WritePayload(builder, option.Value);
                break;
            case WitResultValue result:
                builder.Append(result.IsOk ? "ok" : "err");
                WritePayload(builder, result.Payload);
                break;
            case WitFlagsValue flags:
                builder.Append('{');
                for (var i = 0; i < flags.Set.Length; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    AppendLabel(builder, flags.Set[i], escapeKeywords: false);
                }

                builder.Append('}');
                break;
            case WitHandleValue handle:
                // WAVE has no resource syntax yet; a handle is written as its table index.
                builder.Append(handle.Handle.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Unknown value kind {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteFloat(StringBuilder builder, double value, bool isNaN, bool isInfinity, string roundTrip)
    {
        if (isNaN)
        {
            builder.Append("nan");
        }
        else if (isInfinity)
        {
            builder.Append(value < 0 ? "-inf" : "inf");
        }
        else
        {
            builder.Append(roundTrip);
        }
    }

    private static void WriteSequence(StringBuilder builder, char open, System.Collections.Immutable.ImmutableArray<WitValue> elements, char close)
    {
        builder.Append(open);
        for (var i = 0; i < elements.Length; i++)
        {
            builder.Append(i == 0 ? "" : ", ");
            Write(builder, elements[i]);
        }

        builder.Append(close);
    }

    private static void WriteRecord(StringBuilder builder, WitRecordValue record)
    {
        // Every field is written, none-valued options included, so the text never collapses to
        // the `{:}` form and does not depend on knowing which fields are optional.
        builder.Append('{');
        for (var i = 0; i < record.Fields.Length; i++)
        {
            builder.Append(i == 0 ? "" : ", ");
            AppendLabel(builder, record.Fields[i].Name, escapeKeywords: false);
            builder.Append(": ");
            Write(builder, record.Fields[i].Value);
        }

        builder.Append(record.Fields.IsEmpty ? ":}" : "}");
    }

    private static void WritePayload(StringBuilder builder, WitValue? payload)
    {
        if (payload is not null)
        {
            builder.Append('(');
            Write(builder, payload);
            builder.Append(')');
        }
    }

    private static void AppendLabel(StringBuilder builder, string label, bool escapeKeywords)
    {
        if (escapeKeywords && WaveKeywords.IsKeyword(label))
        {
            builder.Append('%');
        }

        builder.Append(label);
    }

    private static void AppendEscaped(StringBuilder builder, Rune rune, char quote)
    {
        switch (rune.Value)
        {
            case '\\':
                builder.Append(@"\\");
                return;
            case '\n':
                builder.Append(@"\n");
                return;
            case '\r':
                builder.Append(@"\r");
                return;
            case '\t':
                builder.Append(@"\t");
                return;
        }

        if (rune.Value == quote)
        {
            builder.Append('\\').Append(quote);
        }
        else if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
        {
            // Invisible characters are spelled out so the printed text shows what is there.
            builder.Append(@"\u{").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append('}');
        }
        else
        {
            builder.Append(rune.ToString());
        }
    }
}
