namespace WitHost.Wamr.Aot;

/// <summary>Compiling a module ahead of time failed: the compiler is missing, or it refused the module.</summary>
public sealed class AotCompilationException : WamrException
{
    public AotCompilationException(string message) : base(message) { }
}
