using System.Text;
using Microsoft.CodeAnalysis;
using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// Reads the C# types of a C#-first interface as WIT (the inverse of <c>TypeMapper</c>; the mapping
/// is documented in docs/generator.md, "C#-first interfaces"). Records, enums, flags and variants
/// become type definitions of the interface, written before the first definition that uses them,
/// named by the kebab-case of the C# type name.
/// </summary>
internal sealed class CSharpTypeReader
{
    /// <summary>How C# types are spelled in generated code: fully qualified, nullable annotations kept.</summary>
    public static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private const string TaskMetadataName = "System.Threading.Tasks.Task";
    private const string GenericTaskMetadataName = "System.Threading.Tasks.Task`1";
    private const string ValueTaskMetadataName = "System.Threading.Tasks.ValueTask";
    private const string GenericValueTaskMetadataName = "System.Threading.Tasks.ValueTask`1";
    private const string CancellationTokenMetadataName = "System.Threading.CancellationToken";
    private const string StreamMetadataName = "WitHost.Wamr.Async.WitStream`1";

    private readonly Dictionary<ITypeSymbol, WitTypeText> _defined = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, ITypeSymbol> _byWitName = new(StringComparer.Ordinal);
    private readonly HashSet<ITypeSymbol> _inProgress = new(SymbolEqualityComparer.Default);
    private readonly List<string> _definitions = new();
    private readonly Func<INamedTypeSymbol, string, string>? _resourceBody;

    /// <param name="resourceBody">
    /// Reads a resource's definition (<c>resource name { … }</c> with its docs and methods) from the
    /// C# interface and its WIT name; null where resources have no form.
    /// </param>
    public CSharpTypeReader(Func<INamedTypeSymbol, string, string>? resourceBody = null)
    {
        _resourceBody = resourceBody;
    }

    /// <summary>The WIT text of every type definition read so far, each a dependency of the ones after it.</summary>
    public IReadOnlyList<string> Definitions => _definitions;

    /// <summary>True when a type definition has the WIT name <paramref name="witName"/> (types and functions share an interface's names).</summary>
    public bool IsTypeName(string witName) => _byWitName.ContainsKey(witName);

    /// <summary>The WIT form of <paramref name="type"/>.</summary>
    /// <exception cref="NoWitFormException">It has none.</exception>
    public WitTypeText Read(ITypeSymbol type)
    {
        var display = type.ToDisplayString(Format);
        if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            return Option(display, CSharpShape.NullableOption, Read(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)));
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return Leaf("bool", display);
            case SpecialType.System_SByte: return Leaf("s8", display);
            case SpecialType.System_Byte: return Leaf("u8", display);
            case SpecialType.System_Int16: return Leaf("s16", display);
            case SpecialType.System_UInt16: return Leaf("u16", display);
            case SpecialType.System_Int32: return Leaf("s32", display);
            case SpecialType.System_UInt32: return Leaf("u32", display);
            case SpecialType.System_Int64: return Leaf("s64", display);
            case SpecialType.System_UInt64: return Leaf("u64", display);
            case SpecialType.System_Single: return Leaf("f32", display);
            case SpecialType.System_Double: return Leaf("f64", display);
            case SpecialType.System_String: return Leaf("string", display);
            case SpecialType.System_Char:
                throw NoForm(display, "a char is a UTF-16 code unit, not a Unicode scalar value; use System.Text.Rune for WIT's char");
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                throw NoForm(display, "only one-dimensional arrays are lists");
            }

            return List(display, array.ElementType.SpecialType == SpecialType.System_Byte ? CSharpShape.Bytes : CSharpShape.Array, Read(array.ElementType));
        }

        if (type is not INamedTypeSymbol named)
        {
            throw NoForm(display, "no WIT type corresponds to it");
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return Option(display, CSharpShape.NullableOption, Read(named.TypeArguments[0]));
        }

        if (named.IsTupleType)
        {
            var elements = named.TupleElements.Select(element => Read(element.Type)).ToList();
            return new WitTypeText(
                "tuple<" + string.Join(", ", elements.Select(element => element.Wit)) + ">",
                new CSharpTypeShape(display, elements.Select(element => element.Shape).ToEquatableArray(), EquatableArray<string>.Empty, "", CSharpShape.Plain));
        }

        switch (MetadataName(named.OriginalDefinition))
        {
            case "System.Collections.Generic.IReadOnlyList`1":
                return List(display, CSharpShape.ReadOnlyList, Read(named.TypeArguments[0]));
            case "System.Collections.Generic.List`1":
                return List(display, CSharpShape.GenericList, Read(named.TypeArguments[0]));
            case "System.Text.Rune":
                return Leaf("char", display);
            case "WitHost.Option`1":
                return Option(display, CSharpShape.WrappedOption, Read(named.TypeArguments[0]));
            case "WitHost.Result`2":
                return Result(display, named.TypeArguments[0], named.TypeArguments[1]);
            case "WitHost.Unit":
                throw NoForm(display, "Unit only stands for the absent side of a Result");
            // As a value (a parameter, or inside a type), a task is a WIT future; as a method's
            // result, it makes the method an async func (CSharpFirstReader), not a future.
            case TaskMetadataName:
                return Future(display, null);
            case GenericTaskMetadataName:
                return Future(display, Read(named.TypeArguments[0]));
            case ValueTaskMetadataName:
            case GenericValueTaskMetadataName:
                throw NoForm(display, "a ValueTask is only the result of an async method; a WIT future is a Task or Task<T>");
            case StreamMetadataName:
                return Stream(display, named.TypeArguments[0]);
            case CancellationTokenMetadataName:
                throw NoForm(display, "a CancellationToken is only the last parameter of an async method (one returning Task or ValueTask), where it is the guest's cancellation of the call");
        }

        if (named.TypeKind == TypeKind.Interface)
        {
            return ReadResource(named, display);
        }

        if (named.IsGenericType)
        {
            throw NoForm(display, "no WIT type corresponds to it (lists are T[], IReadOnlyList<T> or List<T>)");
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            return Define(named, display, () => HasAttribute(named, "System.FlagsAttribute") ? ReadFlags(named, display) : ReadEnum(named, display));
        }

        if (named.IsRecord && HasAttribute(named, WitHostAttributeSource.VariantAttributeMetadataName))
        {
            return Define(named, display, () => ReadVariant(named, display));
        }

        if (named.IsRecord)
        {
            return Define(named, display, () => ReadRecord(named, display));
        }

        throw NoForm(display, "no WIT type corresponds to it (records, record structs, enums, [WitVariant] records and interfaces extending IDisposable, which are resources, do)");
    }

    /// <summary>
    /// True when <paramref name="returnType"/> makes a method an <c>async func</c>: <c>Task</c>,
    /// <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>. <paramref name="result"/> is
    /// then the func's result type (<c>T</c>), or null for none.
    /// </summary>
    public static bool IsAsyncResult(ITypeSymbol returnType, out ITypeSymbol? result)
    {
        result = null;
        if (returnType is not INamedTypeSymbol named)
        {
            return false;
        }

        switch (MetadataName(named.OriginalDefinition))
        {
            case TaskMetadataName:
            case ValueTaskMetadataName:
                return true;
            case GenericTaskMetadataName:
            case GenericValueTaskMetadataName:
                result = named.TypeArguments[0];
                return true;
            default:
                return false;
        }
    }

    /// <summary>True for <see cref="System.Threading.CancellationToken"/>, an async method's last parameter.</summary>
    public static bool IsCancellationToken(ITypeSymbol type)
        => type is INamedTypeSymbol named && MetadataName(named) == CancellationTokenMetadataName;

    /// <summary>True when <paramref name="type"/> is read as a WIT resource (a parameter of that type is a <c>borrow</c>).</summary>
    public static bool IsResource(ITypeSymbol type)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Interface } named && named.AllInterfaces.Any(IsDisposable);

    private static bool IsDisposable(INamedTypeSymbol type) => MetadataName(type) == "System.IDisposable";

    /// <summary>
    /// An interface extending only <see cref="IDisposable"/> is a resource: it is named before its
    /// body is read, so its methods may take and return it.
    /// </summary>
    private WitTypeText ReadResource(INamedTypeSymbol type, string display)
    {
        var plain = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        if (_defined.TryGetValue(plain, out var defined))
        {
            return defined;
        }

        if (!IsResource(type))
        {
            throw NoForm(display, "an interface is a WIT resource only when it extends System.IDisposable (the guest's drop disposes the host's object)");
        }

        if (type.IsGenericType || type.AllInterfaces.Length != 1)
        {
            throw NoForm(display, "a resource interface is not generic and extends IDisposable alone (the methods of other base interfaces would not be its methods)");
        }

        if (_resourceBody is null)
        {
            throw NoForm(display, "resources are not read here");
        }

        var witName = WitNameOf(type, type.Name.Length > 1 && type.Name[0] == 'I' && char.IsUpper(type.Name[1]) ? type.Name.Substring(1) : type.Name);
        if (_byWitName.TryGetValue(witName, out var other))
        {
            throw new NoWitFormException(DiagnosticDescriptors.DuplicateWitName, other.ToDisplayString(Format), display, witName);
        }

        _byWitName.Add(witName, plain);
        var text = new WitTypeText(WitNames.Escape(witName), CSharpTypeShape.Leaf(plain.ToDisplayString(Format)));
        _defined.Add(plain, text);
        var index = _definitions.Count;
        _definitions.Add("");
        _definitions[index] = _resourceBody(type, witName);
        return text;
    }

    /// <summary>The WIT name of a C# symbol: its <c>[WitName]</c>, else the kebab-case of its name.</summary>
    /// <exception cref="NoWitFormException">The name gives no WIT identifier.</exception>
    public static string WitNameOf(ISymbol symbol, string csharpName)
    {
        var attribute = symbol.GetAttributes().FirstOrDefault(data => data.AttributeClass?.ToDisplayString() == WitHostAttributeSource.NameAttributeMetadataName);
        if (attribute?.ConstructorArguments.FirstOrDefault().Value is string explicitName)
        {
            return WitNames.IsValid(explicitName)
                ? explicitName
                : throw new NoWitFormException(DiagnosticDescriptors.InvalidWitName, explicitName, "[WitName] must be kebab-case: '-'-separated words of ASCII letters and digits, each starting with a letter");
        }

        return WitNames.FromCSharp(csharpName)
            ?? throw new NoWitFormException(DiagnosticDescriptors.InvalidWitName, csharpName, "WIT names use only ASCII letters and digits and start each word with a letter");
    }

    private static WitTypeText Leaf(string wit, string display) => new(wit, CSharpTypeShape.Leaf(display));

    /// <summary><c>future&lt;T&gt;</c> from <c>Task&lt;T&gt;</c>, <c>future</c> from <c>Task</c> (<paramref name="payload"/> null).</summary>
    private static WitTypeText Future(string display, WitTypeText? payload)
        => new(payload is null ? "future" : "future<" + payload.Wit + ">", new CSharpTypeShape(display, EquatableArray.Create(payload?.Shape ?? CSharpTypeShape.None), EquatableArray<string>.Empty, "", CSharpShape.Plain));

    /// <summary><c>stream&lt;T&gt;</c> from <c>WitStream&lt;T&gt;</c>; <c>WitStream&lt;Unit&gt;</c> is <c>stream</c>, a stream of no values.</summary>
    private WitTypeText Stream(string display, ITypeSymbol element)
    {
        var payload = IsUnit(element) ? null : Read(element);
        return new(payload is null ? "stream" : "stream<" + payload.Wit + ">", new CSharpTypeShape(display, EquatableArray.Create(payload?.Shape ?? CSharpTypeShape.None), EquatableArray<string>.Empty, "", CSharpShape.Plain));
    }

    private static WitTypeText List(string display, CSharpShape shape, WitTypeText element)
        => new("list<" + element.Wit + ">", new CSharpTypeShape(display, EquatableArray.Create(element.Shape), EquatableArray<string>.Empty, "", shape));

    private static WitTypeText Option(string display, CSharpShape shape, WitTypeText payload)
        => new("option<" + payload.Wit + ">", new CSharpTypeShape(display, EquatableArray.Create(CSharpTypeShape.None, payload.Shape), EquatableArray<string>.Empty, "", shape));

    private WitTypeText Result(string display, ITypeSymbol ok, ITypeSymbol error)
    {
        var okText = IsUnit(ok) ? null : Read(ok);
        var errorText = IsUnit(error) ? null : Read(error);
        var wit = (okText, errorText) switch
        {
            (null, null) => "result",
            (_, null) => "result<" + okText!.Wit + ">",
            (null, _) => "result<_, " + errorText!.Wit + ">",
            _ => "result<" + okText!.Wit + ", " + errorText!.Wit + ">",
        };
        return new WitTypeText(wit, new CSharpTypeShape(display, EquatableArray.Create(okText?.Shape ?? CSharpTypeShape.None, errorText?.Shape ?? CSharpTypeShape.None), EquatableArray<string>.Empty, "", CSharpShape.Plain));
    }

    private static bool IsUnit(ITypeSymbol type) => type is INamedTypeSymbol named && MetadataName(named) == "WitHost.Unit";

    /// <summary>Reads a named type once: later uses refer to its WIT name.</summary>
    private WitTypeText Define(INamedTypeSymbol type, string display, Func<(string Keyword, string Body, CSharpTypeShape Shape)> read)
    {
        var plain = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        if (_defined.TryGetValue(plain, out var defined))
        {
            return defined;
        }

        if (!_inProgress.Add(plain))
        {
            throw NoForm(display, "it contains itself, and WIT types cannot be recursive");
        }

        var witName = WitNameOf(type, type.Name);
        if (_byWitName.TryGetValue(witName, out var other))
        {
            throw new NoWitFormException(DiagnosticDescriptors.DuplicateWitName, other.ToDisplayString(Format), display, witName);
        }

        _byWitName.Add(witName, plain);
        var (keyword, body, shape) = read();
        _inProgress.Remove(plain);
        _definitions.Add(keyword + " " + WitNames.Escape(witName) + " {\n" + body + "}");
        var text = new WitTypeText(WitNames.Escape(witName), shape);
        _defined.Add(plain, text);
        return text;
    }

    private (string, string, CSharpTypeShape) ReadRecord(INamedTypeSymbol type, string display)
    {
        var properties = PositionalProperties(type)
            ?? throw NoForm(display, "only positional records (a primary constructor whose parameters are its properties) are WIT records");
        if (properties.Count == 0)
        {
            throw NoForm(display, "a WIT record needs at least one field");
        }

        var body = new StringBuilder();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var shapes = new List<CSharpTypeShape>();
        foreach (var property in properties)
        {
            var name = Claim(names, WitNameOf(property, property.Name), property.Name);
            var field = Read(property.Type);
            body.Append("  ").Append(WitNames.Escape(name)).Append(": ").Append(field.Wit).Append(",\n");
            shapes.Add(field.Shape);
        }

        var shape = new CSharpTypeShape(display, shapes.ToEquatableArray(), properties.Select(property => property.Name).ToEquatableArray(), "", CSharpShape.Plain);
        return ("record", body.ToString(), shape);
    }

    private (string, string, CSharpTypeShape) ReadEnum(INamedTypeSymbol type, string display)
    {
        var members = EnumMembers(type);
        if (members.Count == 0)
        {
            throw NoForm(display, "a WIT enum needs at least one case");
        }

        var body = new StringBuilder();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            // The generated calls convert between the enum and its discriminant with a cast.
            if (members[i].Value != i)
            {
                throw NoForm(display, $"the member '{members[i].Field.Name}' must have the value {i}: a WIT enum's cases are numbered 0, 1, 2… in order");
            }

            body.Append("  ").Append(WitNames.Escape(Claim(names, WitNameOf(members[i].Field, members[i].Field.Name), members[i].Field.Name))).Append(",\n");
        }

        return ("enum", body.ToString(), CSharpTypeShape.Leaf(display));
    }

    private (string, string, CSharpTypeShape) ReadFlags(INamedTypeSymbol type, string display)
    {
        // A None = 0 member names the empty set; it is no flag.
        var members = EnumMembers(type).Where(member => member.Value != 0).ToList();
        if (members.Count == 0)
        {
            throw NoForm(display, "WIT flags need at least one flag");
        }

        if (members.Count > 64)
        {
            throw NoForm(display, "WIT flags have at most 64 flags here");
        }

        var body = new StringBuilder();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Value != (decimal)(1UL << i))
            {
                throw NoForm(display, $"the member '{members[i].Field.Name}' must have the value {1UL << i}: flag i of WIT flags is bit i, in order");
            }

            body.Append("  ").Append(WitNames.Escape(Claim(names, WitNameOf(members[i].Field, members[i].Field.Name), members[i].Field.Name))).Append(",\n");
        }

        return ("flags", body.ToString(), CSharpTypeShape.Leaf(display));
    }

    private (string, string, CSharpTypeShape) ReadVariant(INamedTypeSymbol type, string display)
    {
        if (!type.IsAbstract)
        {
            throw NoForm(display, "a [WitVariant] record must be abstract, so its nested cases are its only values");
        }

        var cases = type.GetTypeMembers()
            .Where(member => member.IsRecord && SymbolEqualityComparer.Default.Equals(member.BaseType, type))
            .ToList();
        if (cases.Count == 0)
        {
            throw NoForm(display, "a [WitVariant] record needs nested sealed records deriving from it, one per case");
        }

        var body = new StringBuilder();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var shapes = new List<CSharpTypeShape>();
        string? payloadName = null;
        foreach (var @case in cases)
        {
            var caseDisplay = @case.ToDisplayString(Format);
            if (!@case.IsSealed)
            {
                throw NoForm(caseDisplay, "a variant case must be sealed");
            }

            var properties = @case.InstanceConstructors.Any(constructor => constructor.DeclaredAccessibility == Accessibility.Public && constructor.Parameters.Length == 0)
                ? new List<IPropertySymbol>()
                : PositionalProperties(@case) ?? throw NoForm(caseDisplay, "a variant case is a positional record with no parameter or one (the payload)");
            if (properties.Count > 1)
            {
                throw NoForm(caseDisplay, "a variant case has at most one payload; make it a record or a tuple");
            }

            var name = WitNames.Escape(Claim(names, WitNameOf(@case, @case.Name), @case.Name));
            if (properties.Count == 0)
            {
                body.Append("  ").Append(name).Append(",\n");
                shapes.Add(CSharpTypeShape.None);
                continue;
            }

            // The generated calls read every case's payload through one property name.
            if (payloadName is not null && payloadName != properties[0].Name)
            {
                throw NoForm(display, $"every case's payload property must have one name ('{payloadName}' and '{properties[0].Name}')");
            }

            payloadName = properties[0].Name;
            var payload = Read(properties[0].Type);
            body.Append("  ").Append(name).Append('(').Append(payload.Wit).Append("),\n");
            shapes.Add(payload.Shape);
        }

        var shape = new CSharpTypeShape(display, shapes.ToEquatableArray(), cases.Select(@case => @case.Name).ToEquatableArray(), payloadName ?? "", CSharpShape.Plain);
        return ("variant", body.ToString(), shape);
    }

    /// <summary>
    /// The properties set by the record's primary constructor, in order: the public constructor
    /// (other than the copy constructor) whose every parameter is a property of the same name and
    /// type; the one with the most parameters. Null when there is none.
    /// </summary>
    private static List<IPropertySymbol>? PositionalProperties(INamedTypeSymbol type)
    {
        List<IPropertySymbol>? best = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public
                || constructor.Parameters.Length == 0
                || (constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type)))
            {
                continue;
            }

            var properties = constructor.Parameters
                .Select(parameter => type.GetMembers(parameter.Name).OfType<IPropertySymbol>()
                    .FirstOrDefault(property => SymbolEqualityComparer.Default.Equals(property.Type, parameter.Type)))
                .ToList();
            if (properties.All(property => property is not null) && (best is null || properties.Count > best.Count))
            {
                best = properties!;
            }
        }

        return best;
    }

    private static List<(IFieldSymbol Field, decimal Value)> EnumMembers(INamedTypeSymbol type)
        => type.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(field => field.HasConstantValue)
            .Select(field => (field, Convert.ToDecimal(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    private static string Claim(Dictionary<string, string> names, string witName, string csharpName)
    {
        if (names.TryGetValue(witName, out var other))
        {
            throw new NoWitFormException(DiagnosticDescriptors.DuplicateWitName, other, csharpName, witName);
        }

        names.Add(witName, csharpName);
        return witName;
    }

    private static bool HasAttribute(INamedTypeSymbol type, string metadataName)
        => type.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == metadataName);

    private static string MetadataName(INamedTypeSymbol type)
        => type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

    private static NoWitFormException NoForm(string display, string reason)
        => new(DiagnosticDescriptors.TypeHasNoWitForm, display, reason);
}
