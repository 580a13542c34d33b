using System.CommandLine;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace WitHost.Cli.Commands;

/// <summary>
/// <c>wit-host derive &lt;assembly&gt; [--out dir]</c>: writes the WIT the generator derived from the
/// assembly's C#-first interfaces. The generator records each one as an assembly-level
/// <c>[WitHost.WitDefinition(name, text)]</c>; this reads those from the metadata only, so the
/// assembly is never loaded or run (it may target another runtime or be trimmed).
/// </summary>
internal static class DeriveCommand
{
    private const string AttributeNamespace = "WitHost";
    private const string AttributeName = "WitDefinitionAttribute";

    public static Command Create()
    {
        var assembly = new Argument<string>("assembly") { Description = "A built assembly (.dll) that declares C#-first interfaces" };
        var output = new System.CommandLine.Option<string?>("--out") { Description = "The directory to write one .wit file per interface into; without it the WIT goes to standard output" };
        var command = new Command("derive", "Write the WIT derived from an assembly's C#-first interfaces")
        {
            assembly,
            output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(assembly)!,
            parseResult.GetValue(output),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Derives from <paramref name="assemblyPath"/>; returns the exit code.</summary>
    public static int Run(string assemblyPath, string? outDirectory, TextWriter output, TextWriter error)
    {
        List<(string Name, string Text)> definitions;
        try
        {
            definitions = Read(assemblyPath);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or UnauthorizedAccessException or InvalidOperationException)
        {
            error.WriteLine($"error: cannot read '{assemblyPath}': {exception.Message}");
            return ExitCodes.Failure;
        }

        if (definitions.Count == 0)
        {
            error.WriteLine($"error: '{assemblyPath}' declares no C#-first interface ([WitHost(\"namespace:package/interface\")] on an interface)");
            return ExitCodes.Failure;
        }

        if (outDirectory is null)
        {
            output.Write(string.Join("\n", definitions.Select(definition => definition.Text)));
            return ExitCodes.Success;
        }

        Directory.CreateDirectory(outDirectory);
        foreach (var (name, text) in definitions)
        {
            var path = Path.Combine(outDirectory, FileName(name));
            File.WriteAllText(path, text);
            output.WriteLine($"wrote {path}");
        }

        return ExitCodes.Success;
    }

    /// <summary><c>example:sample/logging@1.0.0</c> → <c>example-sample-logging@1.0.0.wit</c>.</summary>
    public static string FileName(string qualifiedName) => qualifiedName.Replace(':', '-').Replace('/', '-') + ".wit";

    /// <summary>The (name, text) of every <c>[WitHost.WitDefinition]</c> of the assembly, ordered by name.</summary>
    public static List<(string Name, string Text)> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("the file has no .NET metadata");
        }

        var metadata = pe.GetMetadataReader();
        var definitions = new List<(string, string)>();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsDefinitionAttribute(metadata, attribute))
            {
                continue;
            }

            var value = attribute.DecodeValue(StringOnlyTypeProvider.Instance);
            if (value.FixedArguments is [{ Value: string name }, { Value: string text }])
            {
                definitions.Add((name, text));
            }
        }

        return definitions.OrderBy(definition => definition.Item1, StringComparer.Ordinal).ToList();
    }

    // The generated attribute is internal to each assembly that uses the generator, so its
    // constructor is a definition in the assembly itself (or, in principle, a reference).
    private static bool IsDefinitionAttribute(MetadataReader metadata, CustomAttribute attribute)
    {
        EntityHandle type;
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MethodDefinition:
                type = metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
                break;
            case HandleKind.MemberReference:
                type = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                break;
            default:
                return false;
        }

        return type.Kind switch
        {
            HandleKind.TypeDefinition => Is(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            HandleKind.TypeReference => Is(metadata, metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            _ => false,
        };
    }

    private static bool Is(MetadataReader metadata, StringHandle ns, StringHandle name)
        => metadata.StringComparer.Equals(ns, AttributeNamespace) && metadata.StringComparer.Equals(name, AttributeName);

    /// <summary>Decodes attribute arguments of type string; the definition attribute has no others.</summary>
    private sealed class StringOnlyTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public static StringOnlyTypeProvider Instance { get; } = new();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => throw new BadImageFormatException("unexpected enum argument " + type);

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
