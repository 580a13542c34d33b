// netstandard2.0 does not ship this marker type; the compiler needs it for the `init` accessors
// that positional records generate.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
