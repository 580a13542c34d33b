using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>How WIT names (kebab-case) become C# names.</summary>
internal static class CSharpNames
{
    /// <summary><c>log-u32</c> → <c>LogU32</c>; an all-caps part (<c>URL</c>) becomes <c>Url</c>.</summary>
    public static string ToPascalCase(string witName)
    {
        var builder = new StringBuilder(witName.Length);
        foreach (var part in witName.Split('-'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(part.Substring(1).ToLowerInvariant());
        }

        return builder.ToString();
    }

    /// <summary><c>buffer-size</c> → <c>bufferSize</c>, <c>@</c>-escaped when the result is a C# keyword (<c>@in</c>).</summary>
    public static string ToParameterName(string witName)
    {
        var pascal = ToPascalCase(witName);
        var camel = pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    /// <summary>
    /// <c>wasi:io@0.2.0</c> → <c>Wasi.Io</c>: the version is not part of the namespace, unless
    /// <paramref name="withVersion"/> (the host's packages hold two versions of this one), when it is
    /// its last part: <c>My.Dep.V0_1_0</c> (dots, hyphens and plus signs become <c>_</c>).
    /// </summary>
    public static string PackageNamespace(WitPackageName package, bool withVersion = false)
    {
        var plain = ToPascalCase(package.Namespace) + "." + ToPascalCase(package.Name);
        if (!withVersion || package.Version is null)
        {
            return plain;
        }

        var version = package.Version.ToString().Replace('.', '_').Replace('-', '_').Replace('+', '_');
        return plain + ".V" + version;
    }

    /// <summary>
    /// The namespace of the types declared by <paramref name="owner"/>: the package namespace plus
    /// the interface (<c>Wasi.Io.Streams</c>), the world (<c>Example.Sample.Sample</c>), or both for an
    /// interface written inline in a world. Each interface gets its own namespace because WIT
    /// interfaces of one package may declare the same type names.
    /// </summary>
    public static string TypesNamespace(WitOwner owner, bool withVersion = false)
    {
        var package = PackageNamespace(owner.Package, withVersion);
        var world = owner.WorldName is null ? "" : "." + ToPascalCase(owner.WorldName);
        var @interface = owner.Kind == WitOwnerKind.Interface ? "." + ToPascalCase(owner.InterfaceName!) : "";
        return package + world + @interface;
    }

    /// <summary>The namespace of the host interface for <paramref name="owner"/>: its types' namespace without the last part.</summary>
    public static string HostInterfaceNamespace(WitOwner owner, bool withVersion = false)
    {
        var package = PackageNamespace(owner.Package, withVersion);
        return owner.IsInlineInterface ? package + "." + ToPascalCase(owner.WorldName!) : package;
    }

    /// <summary>The C# interface name of an imported resource: <c>input-stream</c> → <c>IInputStream</c>.</summary>
    public static string ResourceInterfaceName(string witName) => "I" + ToPascalCase(witName);

    /// <summary>
    /// The C# class name of an exported resource: its PascalCase name, with a trailing <c>_</c> when
    /// that is a member every handle class has (a member may not be named like its class).
    /// </summary>
    public static string GuestResourceClassName(string witName)
    {
        var name = ToPascalCase(witName);
        return GuestResourceMembers.Contains(name) ? name + "_" : name;
    }

    /// <summary>The members every generated handle class of an exported resource has.</summary>
    public static IReadOnlyList<string> GuestResourceMembers { get; } = new[] { "Dispose", "IsDisposed", "Handle", "ICalls" };

    /// <summary>The last part of the namespace of the export side of an interface a world both imports and exports.</summary>
    public const string ExportSideNamespace = "Exports";

    /// <summary>
    /// The field of the per-instance table holder for an imported resource, from its host
    /// interface's full name (unique in the world): <c>global::A.B.IBlob</c> → <c>A_B_IBlob</c>.
    /// </summary>
    public static string ResourceTableField(string fullCSharpType)
        => fullCSharpType.Replace("global::", "").Replace('.', '_').Replace('@', '_');

    /// <summary>The type of the cancellation token an async method takes.</summary>
    public const string CancellationTokenType = "global::System.Threading.CancellationToken";

    /// <summary>The name of a method: an async function's ends in <c>Async</c>, as .NET's do (<c>fetch</c> → <c>FetchAsync</c>).</summary>
    public static string MethodName(string pascalCaseName, bool isAsync) => isAsync ? pascalCaseName + AsyncSuffix : pascalCaseName;

    /// <summary>
    /// The inverse of <see cref="MethodName"/> for an async C# method: the name without its
    /// <c>Async</c> suffix, from which a C#-first interface derives the WIT name (a name that is
    /// only <c>Async</c> is kept).
    /// </summary>
    public static string WithoutAsyncSuffix(string methodName)
        => methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length)
            : methodName;

    private const string AsyncSuffix = "Async";

    /// <summary>
    /// The return type of an async method whose result is <paramref name="resultType"/>
    /// (<c>void</c> for none): <paramref name="taskType"/> (<c>Task</c> or <c>ValueTask</c>), generic when there is a result.
    /// </summary>
    public static string AsyncReturnType(string resultType, string taskType) => resultType == "void" ? taskType : taskType + "<" + resultType + ">";

    /// <summary>The name of an async method's cancellation token parameter, after its other <paramref name="parameterNames"/>: <c>cancellationToken</c> unless one of them has it.</summary>
    public static string CancellationTokenParameter(IEnumerable<string> parameterNames)
        => ParameterAfter("cancellationToken", parameterNames);

    /// <summary>The name of the buffer writer a UTF-8 call's string result goes to, after its other <paramref name="parameterNames"/>: <c>result</c> unless one of them has it.</summary>
    public static string ResultWriterParameter(IEnumerable<string> parameterNames)
        => ParameterAfter("result", parameterNames);

    // A parameter the generator adds after a function's own: its name, with underscores until none of theirs has it.
    private static string ParameterAfter(string name, IEnumerable<string> parameterNames)
    {
        var taken = new HashSet<string>(parameterNames.Select(parameter => parameter.TrimStart('@')));
        while (taken.Contains(name))
        {
            name += "_";
        }

        return name;
    }
}
