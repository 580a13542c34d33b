using System.Reflection;

namespace WitHost.Bindings.Tests;

/// <summary>What the differential tests (generated calls against the dynamic codec) share.</summary>
internal static class DifferentialRuns
{
    /// <summary>The index of the first byte where two memory snapshots differ, or -1 when they are equal.</summary>
    public static int FirstDifference(byte[] left, byte[] right)
    {
        if (left.Length != right.Length)
        {
            return Math.Min(left.Length, right.Length);
        }

        var index = left.AsSpan().CommonPrefixLength(right);
        return index == left.Length ? -1 : index;
    }

    /// <summary>Calls a generated export wrapper by reflection, rethrowing what it threw.</summary>
    public static object? Call(MethodInfo wrapper, object target, object? argument)
    {
        try
        {
            return wrapper.Invoke(target, [argument]);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            throw exception.InnerException;
        }
    }

    /// <summary>The generated method name of a WIT function name (<c>echo-list-u8</c> → <c>EchoListU8</c>).</summary>
    public static string ToPascalCase(string witName)
        => string.Concat(witName.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
