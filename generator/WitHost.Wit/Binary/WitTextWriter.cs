using System.Text;

namespace WitHost.Wit.Binary;

/// <summary>
/// Prints a decoded world as WIT: the world's own package first (as <c>wasm-tools component
/// wit</c> and jco print it), then every interface it names, grouped in nested
/// <c>package … { }</c> blocks, so the text resolves on its own.
/// </summary>
internal sealed class WitTextWriter
{
    private readonly StringBuilder _text = new();
    private readonly List<DecodedInstance> _interfaces = [];
    private readonly HashSet<DecodedInstance> _seen = [];

    private string _rootPackage = "";

    public static string Write(string package, string worldName, DecodedComponentType world)
    {
        var writer = new WitTextWriter { _rootPackage = package };
        writer.WriteWorld(package, worldName, world);
        writer.WriteDependencies();
        return writer._text.ToString();
    }

    /// <summary>
    /// A whole package (a WIT package encoded as a component): its interfaces, then its worlds.
    /// Interfaces of other packages are named, not printed: they resolve from their own sources.
    /// </summary>
    public static string WritePackage(string package, IReadOnlyList<DecodedInstance> interfaces, IReadOnlyList<KeyValuePair<string, DecodedComponentType>> worlds)
    {
        var writer = new WitTextWriter { _rootPackage = package };
        writer._text.Append("package ").Append(package).Append(";\n");
        foreach (DecodedInstance instance in interfaces)
        {
            writer._seen.Add(instance);
            (_, string name) = SplitInterfaceName(instance.Name!);
            var body = new StringBuilder();
            writer.WriteInterfaceBody(body, instance, "  ");
            writer._text.Append("\ninterface ").Append(Identifier(name)).Append(" {\n").Append(body).Append("}\n");
        }
        foreach (KeyValuePair<string, DecodedComponentType> world in worlds)
        {
            writer._text.Append('\n');
            writer.WriteWorldBlock(world.Key, world.Value);
        }
        return writer._text.ToString();
    }

    private void WriteWorld(string package, string worldName, DecodedComponentType world)
    {
        _text.Append("package ").Append(package).Append(";\n\n");
        WriteWorldBlock(worldName, world);
    }

    private void WriteWorldBlock(string worldName, DecodedComponentType world)
    {
        _text.Append("world ").Append(Identifier(worldName)).Append(" {\n");
        var lines = new List<string>();
        foreach (KeyValuePair<string, DecodedItem> import in world.Imports)
        {
            if (WorldTypeLine(import.Key, import.Value) is { } typeLine)
            {
                lines.Add(typeLine);
            }
        }
        foreach (KeyValuePair<string, DecodedItem> import in world.Imports)
        {
            if (WorldItemLine("import", import.Key, import.Value) is { } line)
            {
                lines.Add(line);
            }
        }
        foreach (string line in lines)
        {
            _text.Append("  ").Append(line).Append('\n');
        }
        var exports = new List<string>();
        foreach (KeyValuePair<string, DecodedItem> export in world.Exports)
        {
            if (WorldItemLine("export", export.Key, export.Value) is { } line)
            {
                exports.Add(line);
            }
        }
        if (lines.Count > 0 && exports.Count > 0)
        {
            _text.Append('\n');
        }
        foreach (string line in exports)
        {
            _text.Append("  ").Append(line).Append('\n');
        }
        _text.Append("}\n");
    }

    /// <summary>A world-level type: <c>use iface.{t};</c> for an interface's type, <c>type t = …;</c> otherwise.</summary>
    private string? WorldTypeLine(string name, DecodedItem item)
    {
        if (item.Type is not { Kind: DecodedTypeKind.Named } named)
        {
            return null;
        }
        if (named.Target is { Kind: DecodedTypeKind.Named, Owner: { } owner } target)
        {
            Remember(owner);
            string alias = target.Name == named.Name ? "" : " as " + Identifier(named.Name!);
            (string ownerPackage, string ownerInterface) = SplitInterfaceName(owner.Name!);
            string reference = ownerPackage == _rootPackage ? Identifier(ownerInterface) : owner.Name!;
            return $"use {reference}.{{{Identifier(target.Name!)}{alias}}};";
        }
        if (named.Target is { Kind: DecodedTypeKind.Resource })
        {
            return $"resource {Identifier(name)};";
        }
        return Definition(named, null, "  ");
    }

    private string? WorldItemLine(string direction, string name, DecodedItem item)
    {
        switch (item.Sort)
        {
            case ComponentSort.Instance when item.Instance is { } instance:
                if (IsInterfaceName(name))
                {
                    Remember(instance);
                    (string package, string iface) = SplitInterfaceName(name);
                    return package == _rootPackage ? $"{direction} {Identifier(iface)};" : $"{direction} {name};";
                }
                var body = new StringBuilder();
                WriteInterfaceBody(body, instance, "    ");
                return $"{direction} {Identifier(name)}: interface {{\n{body}  }}";
            case ComponentSort.Func when item.Function is { } function:
                return $"{direction} {Identifier(name)}: {FunctionSignature(function, null, false)};";
            default:
                return null;
        }
    }

    private static bool IsInterfaceName(string name) => name.IndexOf(':') > 0 && name.IndexOf('/') > 0;

    private void Remember(DecodedInstance instance)
    {
        if (instance.Name is null)
        {
            throw new ComponentFormatException("a type is used from an instance that is neither imported nor exported, so it has no interface name", 0);
        }
        // A world that imports and exports one interface has two instances of it, one definition.
        if (_seen.Add(instance) && _interfaces.All(known => known.Name != instance.Name))
        {
            _interfaces.Add(instance);
        }
    }

    private void WriteDependencies()
    {
        // Interfaces named by a used type are remembered while printing, so print until none is new.
        var printed = new HashSet<DecodedInstance>();
        var bodies = new Dictionary<DecodedInstance, string>();
        for (int i = 0; i < _interfaces.Count; i++)
        {
            var body = new StringBuilder();
            WriteInterfaceBody(body, _interfaces[i], "    ");
            bodies[_interfaces[i]] = body.ToString();
        }
        var packages = new List<string>();
        var byPackage = new Dictionary<string, List<DecodedInstance>>(StringComparer.Ordinal);
        foreach (DecodedInstance instance in _interfaces)
        {
            (string package, _) = SplitInterfaceName(instance.Name!);
            if (!byPackage.TryGetValue(package, out List<DecodedInstance>? members))
            {
                members = [];
                byPackage.Add(package, members);
                packages.Add(package);
            }
            members.Add(instance);
        }
        // The root package's own interfaces follow its world at the top level; every other
        // package gets a nested block.
        if (byPackage.TryGetValue(_rootPackage, out List<DecodedInstance>? own))
        {
            foreach (DecodedInstance instance in own)
            {
                (_, string name) = SplitInterfaceName(instance.Name!);
                _text.Append("\ninterface ").Append(Identifier(name)).Append(" {\n");
                _text.Append(Unindent(bodies[instance]));
                _text.Append("}\n");
            }
        }
        foreach (string package in packages.Where(p => p != _rootPackage))
        {
            _text.Append("\npackage ").Append(package).Append(" {\n");
            foreach (DecodedInstance instance in byPackage[package])
            {
                (_, string name) = SplitInterfaceName(instance.Name!);
                _text.Append("  interface ").Append(Identifier(name)).Append(" {\n");
                _text.Append(bodies[instance]);
                _text.Append("  }\n");
            }
            _text.Append("}\n");
        }
    }

    /// <summary>Removes one level (two spaces) of indentation from every line.</summary>
    private static string Unindent(string body) =>
        string.Join("\n", body.Split('\n').Select(line => line.StartsWith("  ", StringComparison.Ordinal) ? line.Substring(2) : line));

    /// <summary><c>ns:pkg/iface@1.2.3</c> → (<c>ns:pkg@1.2.3</c>, <c>iface</c>).</summary>
    private static (string Package, string Interface) SplitInterfaceName(string name)
    {
        int slash = name.IndexOf('/');
        if (slash < 0)
        {
            return ("root:component", name);
        }
        int at = name.IndexOf('@', slash);
        string version = at < 0 ? "" : name.Substring(at);
        string iface = at < 0 ? name.Substring(slash + 1) : name.Substring(slash + 1, at - slash - 1);
        return (name.Substring(0, slash) + version, iface);
    }

    /// <summary>How <paramref name="target"/> is named from inside <paramref name="from"/> (same package: the bare name).</summary>
    private static string InterfaceReference(DecodedInstance target, DecodedInstance? from)
    {
        if (from?.Name is { } fromName && target.Name is { } targetName)
        {
            (string fromPackage, _) = SplitInterfaceName(fromName);
            (string targetPackage, string targetInterface) = SplitInterfaceName(targetName);
            if (fromPackage == targetPackage)
            {
                return Identifier(targetInterface);
            }
        }
        return target.Name!;
    }

    private void WriteInterfaceBody(StringBuilder body, DecodedInstance instance, string indent)
    {
        var uses = new List<KeyValuePair<DecodedInstance, List<string>>>();
        var definitions = new List<string>();
        var resources = new List<string>();
        var resourceMembers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var functions = new List<string>();

        foreach (KeyValuePair<string, DecodedItem> export in instance.Exports)
        {
            if (export.Value.Type is { Kind: DecodedTypeKind.Named } named)
            {
                if (named.Target is { Kind: DecodedTypeKind.Named, Owner: { } owner } target && owner != instance)
                {
                    Remember(owner);
                    List<string>? names = uses.FirstOrDefault(u => u.Key == owner).Value;
                    if (names is null)
                    {
                        names = [];
                        uses.Add(new KeyValuePair<DecodedInstance, List<string>>(owner, names));
                    }
                    names.Add(target.Name == named.Name ? Identifier(named.Name!) : $"{Identifier(target.Name!)} as {Identifier(named.Name!)}");
                }
                else if (named.Target is { Kind: DecodedTypeKind.Resource })
                {
                    resources.Add(named.Name!);
                    resourceMembers[named.Name!] = [];
                    definitions.Add("\u0000resource:" + named.Name);
                }
                else
                {
                    definitions.Add(Definition(named, instance, indent));
                }
            }
            else if (export.Value.Function is { } function && export.Value.Sort == ComponentSort.Func)
            {
                if (ResourceFunction(export.Key) is { } member && resourceMembers.TryGetValue(member.Resource, out List<string>? members))
                {
                    members.Add(member.Kind switch
                    {
                        // WIT text has no async constructor to write (`async` there is WIT0100), and a
                        // sync one would not be the function the binary declares.
                        "constructor" when function.Async => throw new ComponentFormatException(
                            $"the constructor of resource '{member.Resource}' is an async function; WIT has no async constructors", 0),
                        "constructor" => $"constructor({Parameters(function, instance, false)});",
                        "static" => $"{Identifier(member.Name)}: static {FunctionSignature(function, instance, false)};",
                        _ => $"{Identifier(member.Name)}: {FunctionSignature(function, instance, true)};",
                    });
                }
                else
                {
                    functions.Add($"{Identifier(export.Key)}: {FunctionSignature(function, instance, false)};");
                }
            }
        }

        foreach (KeyValuePair<DecodedInstance, List<string>> use in uses)
        {
            body.Append(indent).Append("use ").Append(InterfaceReference(use.Key, instance)).Append(".{").Append(string.Join(", ", use.Value)).Append("};\n");
        }
        foreach (string definition in definitions)
        {
            if (definition.StartsWith("\u0000resource:", StringComparison.Ordinal))
            {
                string resource = definition.Substring("\u0000resource:".Length);
                List<string> members = resourceMembers[resource];
                if (members.Count == 0)
                {
                    body.Append(indent).Append("resource ").Append(Identifier(resource)).Append(";\n");
                }
                else
                {
                    body.Append(indent).Append("resource ").Append(Identifier(resource)).Append(" {\n");
                    foreach (string member in members)
                    {
                        body.Append(indent).Append("  ").Append(member).Append('\n');
                    }
                    body.Append(indent).Append("}\n");
                }
            }
            else
            {
                body.Append(indent).Append(definition).Append('\n');
            }
        }
        foreach (string function in functions)
        {
            body.Append(indent).Append(function).Append('\n');
        }
    }

    private static (string Kind, string Resource, string Name)? ResourceFunction(string name)
    {
        if (name.StartsWith("[constructor]", StringComparison.Ordinal))
        {
            string resource = name.Substring("[constructor]".Length);
            return ("constructor", resource, resource);
        }
        foreach (string kind in new[] { "method", "static" })
        {
            string prefix = $"[{kind}]";
            int dot = name.IndexOf('.');
            if (name.StartsWith(prefix, StringComparison.Ordinal) && dot > prefix.Length)
            {
                return (kind, name.Substring(prefix.Length, dot - prefix.Length), name.Substring(dot + 1));
            }
        }
        return null;
    }

    private string Definition(DecodedType named, DecodedInstance? scope, string indent)
    {
        DecodedType target = named.Target!;
        string name = Identifier(named.Name!);
        if (target.Kind == DecodedTypeKind.Defined && target.Definition is { } definition)
        {
            switch (definition.Kind)
            {
                case ComponentTypeKind.Record:
                    return Block("record", name, definition.Fields.Select((f, i) => $"{Identifier(f.Name)}: {Reference(target.Operands[i]!, scope)},"), indent);
                case ComponentTypeKind.Variant:
                    return Block("variant", name, definition.Fields.Select((f, i) =>
                        target.Operands[i] is { } payload ? $"{Identifier(f.Name)}({Reference(payload, scope)})," : $"{Identifier(f.Name)},"), indent);
                case ComponentTypeKind.Enum:
                    return Block("enum", name, definition.Names.Select(n => Identifier(n) + ","), indent);
                case ComponentTypeKind.Flags:
                    return Block("flags", name, definition.Names.Select(n => Identifier(n) + ","), indent);
            }
        }
        return $"type {name} = {Reference(target, scope)};";
    }

    private static string Block(string keyword, string name, IEnumerable<string> members, string indent)
    {
        var text = new StringBuilder();
        text.Append(keyword).Append(' ').Append(name).Append(" {\n");
        foreach (string member in members)
        {
            text.Append(indent).Append("  ").Append(member).Append('\n');
        }
        text.Append(indent).Append('}');
        return text.ToString();
    }

    private string FunctionSignature(DecodedFunction function, DecodedInstance? scope, bool method)
    {
        string signature = $"{(function.Async ? "async " : "")}func({Parameters(function, scope, method)})";
        return function.Result is { } result ? $"{signature} -> {Reference(result, scope)}" : signature;
    }

    private string Parameters(DecodedFunction function, DecodedInstance? scope, bool skipSelf) =>
        string.Join(", ", function.Parameters.Skip(skipSelf ? 1 : 0).Select(p => $"{Identifier(p.Key)}: {Reference(p.Value, scope)}"));

    private string Reference(DecodedType type, DecodedInstance? scope)
    {
        switch (type.Kind)
        {
            case DecodedTypeKind.Primitive:
                return type.Name!;
            case DecodedTypeKind.Named:
                return Identifier(type.Name!);
            case DecodedTypeKind.Resource:
                throw new ComponentFormatException("a resource without a name is used as a value type", 0);
        }
        ComponentTypeDefinition definition = type.Definition!;
        IReadOnlyList<DecodedType?> operands = type.Operands;
        string Operand(int i) => Reference(operands[i]!, scope);
        switch (definition.Kind)
        {
            case ComponentTypeKind.List:
                return $"list<{Operand(0)}>";
            case ComponentTypeKind.FixedSizeList:
                return $"list<{Operand(0)}, {definition.Length}>";
            case ComponentTypeKind.Option:
                return $"option<{Operand(0)}>";
            case ComponentTypeKind.Tuple:
                return $"tuple<{string.Join(", ", operands.Select(o => Reference(o!, scope)))}>";
            case ComponentTypeKind.Result:
                return (operands[0], operands[1]) switch
                {
                    (null, null) => "result",
                    (not null, null) => $"result<{Operand(0)}>",
                    (null, not null) => $"result<_, {Operand(1)}>",
                    _ => $"result<{Operand(0)}, {Operand(1)}>",
                };
            case ComponentTypeKind.Own:
                return Operand(0);
            case ComponentTypeKind.Borrow:
                return $"borrow<{Operand(0)}>";
            case ComponentTypeKind.Stream:
                return operands[0] is null ? "stream" : $"stream<{Operand(0)}>";
            case ComponentTypeKind.Future:
                return operands[0] is null ? "future" : $"future<{Operand(0)}>";
            case ComponentTypeKind.Map:
                return $"map<{Operand(0)}, {Operand(1)}>";
            default:
                throw new ComponentFormatException($"an anonymous {definition.Kind.ToString().ToLowerInvariant()} is used as a value type; WIT needs it named", definition.Offset);
        }
    }

    /// <summary>A WIT identifier, %-escaped when it is a keyword.</summary>
    private static string Identifier(string name) => s_keywords.Contains(name) ? "%" + name : name;

    private static readonly HashSet<string> s_keywords =
    [
        "as", "async", "bool", "borrow", "char", "constructor", "enum", "export", "f32", "f64", "flags", "float32",
        "float64", "from", "func", "future", "import", "include", "interface", "list", "option", "own", "package",
        "record", "resource", "result", "s16", "s32", "s64", "s8", "static", "stream", "string", "tuple", "type",
        "u16", "u32", "u64", "u8", "use", "variant", "with", "world", "error-context", "map",
    ];
}
