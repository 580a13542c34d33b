using WitHost.Generator.Model;
using WitHost.Wit.Abi;

namespace WitHost.Generator.Emitting;

/// <summary>
/// The second wrapper of a synchronous export with a top-level <c>string</c> parameter or a
/// <c>string</c> result: those strings travel as UTF-8 bytes. Each top-level string parameter is a
/// <c>ReadOnlySpan&lt;byte&gt;</c> of the same name; a string result goes to a last parameter, an
/// <c>IBufferWriter&lt;byte&gt;</c>, and the method returns the number of bytes it wrote. A host
/// that holds UTF-8 then calls with no <see cref="string"/> and, for a UTF-8 guest, no transcoding.
/// Strings inside other values stay <see cref="string"/>.
/// </summary>
internal sealed class Utf8Overload
{
    private const string Support = "global::WitHost.Wamr.Bindings.BindingSupport";
    private const string SpanType = "global::System.ReadOnlySpan<byte>";
    private const string WriterType = "global::System.Buffers.IBufferWriter<byte>";

    private Utf8Overload(string? resultWriter) => ResultWriter = resultWriter;

    /// <summary>The name of the buffer writer parameter that receives a string result, or null when the result is not a string.</summary>
    public string? ResultWriter { get; }

    /// <summary>The overload of <paramref name="call"/>, or null when it has none (async, or no top-level string).</summary>
    public static Utf8Overload? For(CallBinding call)
    {
        if (call.IsAsync || call.CoreModule is not null || !(call.Parameters.Any(IsUtf8) || IsString(call.Result)))
        {
            return null;
        }

        return new Utf8Overload(IsString(call.Result) ? Binding.CSharpNames.ResultWriterParameter(call.Parameters.Select(parameter => parameter.Name)) : null);
    }

    /// <summary>True for a parameter the overload takes as UTF-8 bytes: every top-level <c>string</c>.</summary>
    public static bool IsUtf8(AbiParameterBinding parameter) => parameter.Type.Kind == AbiTypeKind.String;

    /// <summary>Writes the overload's doc comment and signature line.</summary>
    public void WriteSignature(SourceWriter writer, CallBinding call)
    {
        DocCommentWriter.WriteSummary(writer, call.Docs, $"Calls the guest's <c>{DocCommentWriter.Escape(call.WitName)}</c>.");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// The UTF-8 form of the call, for a host that holds its text as UTF-8: the strings travel as");
        writer.WriteLine("/// UTF-8 bytes, with no <see cref=\"string\"/> and, for a UTF-8 guest, no transcoding. They are");
        writer.WriteLine("/// checked as strings are: an argument that is not UTF-8 is refused, a result that is not is a trap.");
        writer.WriteLine("/// </remarks>");
        foreach (var parameter in call.Parameters)
        {
            DocCommentWriter.WriteParam(writer, parameter.Name.TrimStart('@'), null, IsUtf8(parameter)
                ? "The WIT parameter of that name, as UTF-8 bytes; bytes that are not UTF-8 are refused before the call starts."
                : "The WIT parameter of that name.");
        }

        if (ResultWriter is not null)
        {
            DocCommentWriter.WriteParam(writer, ResultWriter, null, "Receives the guest's result as UTF-8, after what it already holds.");
            DocCommentWriter.WriteReturns(writer, $"The number of bytes written to <paramref name=\"{ResultWriter}\"/>.");
        }
        else if (call.Result is not null)
        {
            DocCommentWriter.WriteReturns(writer, "The guest's result.");
        }

        if (call.Parameters.Any(IsUtf8))
        {
            DocCommentWriter.WriteException(writer, "global::System.ArgumentException", "A string argument is not valid UTF-8, or is longer than the Canonical ABI allows (2^28 - 1 bytes in the guest's encoding).");
        }

        var parameters = call.Parameters.Select(parameter => (IsUtf8(parameter) ? SpanType : parameter.Type.CSharpType) + " " + parameter.Name);
        if (ResultWriter is not null)
        {
            parameters = parameters.Append(WriterType + " " + ResultWriter);
        }

        var returnType = ResultWriter is not null ? "int" : call.Result?.CSharpType ?? "void";
        writer.WriteLine($"public {returnType} {call.MethodName}({string.Join(", ", parameters)})");
    }

    /// <summary>
    /// Writes the checks of a UTF-8 parameter, before the call enters the instance: the bytes must
    /// be UTF-8, or nothing is allocated in the guest and the caller gets an ArgumentException.
    /// </summary>
    public static void WriteArgumentCheck(SourceWriter writer, AbiParameterBinding parameter)
        => writer.WriteLine($"{Support}.CheckUtf8String({parameter.Name}, nameof({parameter.Name}));");

    private static bool IsString(AbiTypeBinding? type) => type?.Kind == AbiTypeKind.String;
}
