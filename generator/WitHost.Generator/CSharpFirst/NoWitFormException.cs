using Microsoft.CodeAnalysis;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// A C# type in a C#-first interface that cannot be written in WIT. Thrown from deep inside a type
/// (a record's field, a list's element) and caught where the parameter or return type is known, so
/// the diagnostic points at the type the user wrote in the method signature.
/// </summary>
internal sealed class NoWitFormException : Exception
{
    public NoWitFormException(DiagnosticDescriptor descriptor, params string[] arguments)
        : base(descriptor.Id)
    {
        Descriptor = descriptor;
        Arguments = arguments;
    }

    /// <summary>What to report.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The message arguments of <see cref="Descriptor"/>.</summary>
    public string[] Arguments { get; }
}
