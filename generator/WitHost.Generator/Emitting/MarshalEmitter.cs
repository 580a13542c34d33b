using System.Globalization;
using WitHost.Generator.Model;
using WitHost.Wit.Abi;

namespace WitHost.Generator.Emitting;

/// <summary>
/// Writes the statements that move one value between C# and the guest, for each kind of type:
/// <see cref="Load"/> and <see cref="Store"/> for values in linear memory, <see cref="LowerFlat"/>
/// and <see cref="LiftFlat"/> for values passed as core parameters and results. Every number
/// (sizes, offsets, alignments, flat types) comes from the binding, decided by the ABI model.
/// </summary>
/// <remarks>
/// Generated locals end in <c>_</c>: names made from WIT names never do, so they cannot clash with
/// parameters. Flat values are typed by their core type: i32 <c>uint</c>, i64 <c>ulong</c>,
/// f32 <c>float</c>, f64 <c>double</c>.
/// </remarks>
internal sealed class MarshalEmitter
{
    private const string Support = "global::WitHost.Wamr.Bindings.BindingSupport";
    private const string BitConverter = "global::System.BitConverter";
    private const string Rules = "global::WitHost.Wamr.CanonicalAbi.CanonicalRules";
    private const string AsyncNamespace = "global::WitHost.Wamr.Async";

    private readonly SourceWriter _writer;
    private string _context;
    private string _instance;
    private readonly string _function;
    private readonly string _tables;
    private string? _journal;
    private int _next;

    /// <param name="writer">Where the statements go.</param>
    /// <param name="context">The expression of the call's <c>CanonicalAbiContext</c>.</param>
    /// <param name="instance">The expression of the <c>WamrInstance</c> (for traps).</param>
    /// <param name="function">The C# string literal naming the function in trap messages.</param>
    /// <param name="tables">The expression of the instance's resource tables (the generated holder).</param>
    /// <param name="journal">The <c>LoweringJournal</c> that records the handles lowering adds, or null.</param>
    public MarshalEmitter(SourceWriter writer, string context, string instance, string function, string tables, string? journal = null)
    {
        _tables = tables;
        _journal = journal;
        _writer = writer;
        _context = context;
        _instance = instance;
        _function = function;
    }

    /// <summary>
    /// The parameter whose value is being lowered: a null inside it is an
    /// <c>ArgumentNullException</c> for it. Null while lowering a host implementation's result,
    /// where a null is the implementation's error (<c>BindingSupport.NullResult</c>).
    /// </summary>
    public string? LoweredParameter { get; set; }

    /// <summary>
    /// The parameters holding a guest's resource that an async call borrows, lent to the call's
    /// whole task (<c>GuestResourceHandle.LendToTask</c>) before it started: by parameter name, the
    /// local holding the representation the lend gave, which is what lowering them passes.
    /// </summary>
    public IReadOnlyDictionary<string, string>? LentBorrows { get; set; }

    /// <summary>
    /// The local holding an async call's <c>TaskLends</c>, or null: a borrow of a guest's resource
    /// nested in the arguments is then lent to the call's whole task as it is lowered, not for the
    /// lowering alone.
    /// </summary>
    public string? TaskLends { get; set; }

    /// <summary>The C# type of a flat value of <paramref name="type"/>.</summary>
    public static string FlatType(CoreValueType type) => type.Kind switch
    {
        CoreValueKind.I32 => "uint",
        CoreValueKind.I64 => "ulong",
        CoreValueKind.F32 => "float",
        _ => "double",
    };

    /// <summary>A fresh local name.</summary>
    public string Local(string hint) => hint + _next++ + "_";

    /// <summary>Reads a value of <paramref name="type"/> at <paramref name="address"/>; returns the local holding it.</summary>
    public string Load(AbiTypeBinding type, string address)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.String:
            {
                var pointer = Declare("uint", "pointer", Read(address, 0, 4, "uint"));
                var length = Declare("uint", "length", Read(address, 4, 4, "uint"));
                return Declare("string", "text", $"{Support}.LoadString({_context}, {pointer}, {length})");
            }

            case AbiTypeKind.List:
            case AbiTypeKind.Map:
            {
                var pointer = Declare("uint", "pointer", Read(address, 0, 4, "uint"));
                var length = Declare("uint", "length", Read(address, 4, 4, "uint"));
                return type.Kind == AbiTypeKind.Map ? LoadMap(type, pointer, length) : LoadList(type, pointer, length);
            }

            case AbiTypeKind.FixedList:
            {
                var element = type.Children[0];
                var array = Declare("var", "list", NewArray(element.CSharpType, type.FixedLength.ToString(CultureInfo.InvariantCulture)));
                var index = Local("index");
                _writer.WriteLine($"for (uint {index} = 0; {index} < {type.FixedLength}; {index}++)");
                _writer.OpenBlock();
                var item = Load(element, $"{address} + {index} * {element.Size}");
                _writer.WriteLine($"{array}[{index}] = {item};");
                _writer.CloseBlock();
                return array;
            }

            case AbiTypeKind.Tuple:
            case AbiTypeKind.Record:
            {
                var fields = new List<string>();
                for (var i = 0; i < type.Children.Count; i++)
                {
                    fields.Add(Load(type.Children[i], Offset(address, type.Offsets[i])));
                }

                return Declare("var", "value", Construct(type, fields));
            }

            case AbiTypeKind.Own:
            case AbiTypeKind.Borrow:
            case AbiTypeKind.ExportedOwn:
            case AbiTypeKind.ExportedBorrow:
                return LiftHandle(type, Read(address, 0, 4, "uint"));
            case AbiTypeKind.Stream:
            case AbiTypeKind.Future:
            case AbiTypeKind.ErrorContext:
                return LiftAsyncValue(type, Read(address, 0, 4, "uint"));
            case AbiTypeKind.Enum:
            {
                var discriminant = CheckDiscriminant(Read(address, 0, type.DiscriminantSize, "uint"), type.CaseCount);
                return Declare("var", "value", $"({type.CSharpType}){discriminant}");
            }

            case AbiTypeKind.Flags:
                return Declare("var", "value", $"({type.CSharpType})({_context}.ReadUnsigned({address}, {type.Size}) & {FlagsMask(type.CaseCount)})");

            case AbiTypeKind.Option:
            case AbiTypeKind.Result:
            case AbiTypeKind.Variant:
            {
                var payloadAddress = Offset(address, type.PayloadOffset);
                var discriminant = CheckDiscriminant(Read(address, 0, type.DiscriminantSize, "uint"), type.CaseCount);
                return LiftCases(type, discriminant, child => child.Kind == AbiTypeKind.None ? null : Load(child, payloadAddress));
            }

            default:
                return Declare("var", "value", LiftScalar(type, Read(address, 0, type.Size, "ulong"), fromMemory: true));
        }
    }

    /// <summary>Writes <paramref name="value"/> (an expression without side effects) of <paramref name="type"/> at <paramref name="address"/>.</summary>
    public void Store(AbiTypeBinding type, string value, string address)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.String:
            case AbiTypeKind.List:
            case AbiTypeKind.Map:
            {
                var (pointer, length) = LowerPointerAndLength(type, value);
                Write(address, 0, 4, pointer);
                Write(address, 4, 4, length);
                break;
            }

            case AbiTypeKind.FixedList:
            {
                CheckFixedLength(type, value);
                var element = type.Children[0];
                var index = Local("index");
                _writer.WriteLine($"for (int {index} = 0; {index} < {type.FixedLength}; {index}++)");
                _writer.OpenBlock();
                Store(element, $"{value}[{index}]", $"{address} + (uint){index} * {element.Size}");
                _writer.CloseBlock();
                break;
            }

            case AbiTypeKind.Tuple:
            case AbiTypeKind.Record:
                if (type.Kind == AbiTypeKind.Record)
                {
                    CheckNotNull(value);
                }

                for (var i = 0; i < type.Children.Count; i++)
                {
                    Store(type.Children[i], Member(type, value, i), Offset(address, type.Offsets[i]));
                }

                break;

            case AbiTypeKind.Own:
            case AbiTypeKind.Borrow:
            case AbiTypeKind.ExportedOwn:
            case AbiTypeKind.ExportedBorrow:
                Write(address, 0, 4, $"(ulong){LowerHandle(type, value)}");
                break;
            case AbiTypeKind.Stream:
            case AbiTypeKind.Future:
            case AbiTypeKind.ErrorContext:
                Write(address, 0, 4, $"(ulong){LowerAsyncValue(type, value)}");
                break;
            case AbiTypeKind.Enum:
                Write(address, 0, type.DiscriminantSize, $"(ulong){value}");
                break;

            case AbiTypeKind.Flags:
                Write(address, 0, type.Size, $"(ulong){value}");
                break;

            case AbiTypeKind.Option:
            case AbiTypeKind.Result:
            case AbiTypeKind.Variant:
            {
                var payloadAddress = Offset(address, type.PayloadOffset);
                LowerCases(type, value, (index, child, payload) =>
                {
                    Write(address, 0, type.DiscriminantSize, index + "UL");
                    if (child.Kind != AbiTypeKind.None)
                    {
                        Store(child, payload, payloadAddress);
                    }
                });
                break;
            }

            default:
                Write(address, 0, type.Size, ScalarBits(type, value));
                break;
        }
    }

    /// <summary>Lowers <paramref name="value"/> to core values; returns one local per flat type of <paramref name="type"/>.</summary>
    public List<string> LowerFlat(AbiTypeBinding type, string value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.None:
                return new List<string>();

            case AbiTypeKind.String:
            case AbiTypeKind.List:
            case AbiTypeKind.Map:
            {
                var (pointer, length) = LowerPointerAndLength(type, value);
                return new List<string> { pointer, length };
            }

            case AbiTypeKind.FixedList:
            {
                // Element by element: a fixed-length list is flat only when all of it fits in the
                // 16 flat parameters, so the unrolled elements are few.
                CheckFixedLength(type, value);
                var flat = new List<string>();
                for (var i = 0; i < type.FixedLength; i++)
                {
                    flat.AddRange(LowerFlat(type.Children[0], $"{value}[{i}]"));
                }

                return flat;
            }

            case AbiTypeKind.Tuple:
            case AbiTypeKind.Record:
            {
                if (type.Kind == AbiTypeKind.Record)
                {
                    CheckNotNull(value);
                }

                var flat = new List<string>();
                for (var i = 0; i < type.Children.Count; i++)
                {
                    flat.AddRange(LowerFlat(type.Children[i], Member(type, value, i)));
                }

                return flat;
            }

            case AbiTypeKind.Own:
            case AbiTypeKind.Borrow:
            case AbiTypeKind.ExportedOwn:
            case AbiTypeKind.ExportedBorrow:
                return new List<string> { LowerHandle(type, value) };
            case AbiTypeKind.Stream:
            case AbiTypeKind.Future:
            case AbiTypeKind.ErrorContext:
                return new List<string> { LowerAsyncValue(type, value) };
            case AbiTypeKind.Enum:
                return new List<string> { Declare("uint", "flat", $"(uint){value}") };

            case AbiTypeKind.Flags:
                // Flags past 32 take one i32 per 32 flags, low word first.
                return type.Flat.Count switch
                {
                    0 => new List<string>(),
                    1 => new List<string> { Declare("uint", "flat", $"(uint){value}") },
                    _ => new List<string> { Declare("uint", "flat", $"(uint)(ulong){value}"), Declare("uint", "flat", $"(uint)((ulong){value} >> 32)") },
                };

            case AbiTypeKind.Option:
            case AbiTypeKind.Result:
            case AbiTypeKind.Variant:
            {
                // The cases share the flat slots: each slot has the type the ABI model joined, and a
                // case's payload values are widened or reinterpreted into it.
                var slots = new List<string>();
                for (var i = 0; i < type.Flat.Count; i++)
                {
                    var slot = Local(i == 0 ? "case" : "joined");
                    _writer.WriteLine($"{FlatType(type.Flat[i])} {slot} = 0;");
                    slots.Add(slot);
                }

                LowerCases(type, value, (index, child, payload) =>
                {
                    _writer.WriteLine($"{slots[0]} = {index};");
                    var flat = LowerFlat(child, payload);
                    for (var i = 0; i < flat.Count; i++)
                    {
                        _writer.WriteLine($"{slots[i + 1]} = {Widen(child.Flat[i], type.Flat[i + 1], flat[i])};");
                    }
                });
                return slots;
            }

            default:
            {
                // A value that already is its core value (u32, u64) needs no local of its own.
                var lowered = LowerScalar(type, value);
                return new List<string> { lowered == value ? value : Declare(FlatType(type.Flat[0]), "flat", lowered) };
            }
        }
    }

    /// <summary>Lifts a value of <paramref name="type"/> from locals holding its flat values; returns the local holding it.</summary>
    public string LiftFlat(AbiTypeBinding type, IReadOnlyList<string> flat)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.String:
                return Declare("string", "text", $"{Support}.LoadString({_context}, {flat[0]}, {flat[1]})");

            case AbiTypeKind.List:
                return LoadList(type, flat[0], flat[1]);

            case AbiTypeKind.Map:
                return LoadMap(type, flat[0], flat[1]);

            case AbiTypeKind.FixedList:
            {
                var element = type.Children[0];
                var items = new List<string>();
                for (var i = 0; i < type.FixedLength; i++)
                {
                    items.Add(LiftFlat(element, Take(flat, i * element.Flat.Count, element.Flat.Count)));
                }

                return Declare("var", "list", $"{NewArray(element.CSharpType, "")} {{ {string.Join(", ", items)} }}");
            }

            case AbiTypeKind.Tuple:
            case AbiTypeKind.Record:
            {
                var fields = new List<string>();
                var next = 0;
                foreach (var child in type.Children)
                {
                    fields.Add(LiftFlat(child, Take(flat, next, child.Flat.Count)));
                    next += child.Flat.Count;
                }

                return Declare("var", "value", Construct(type, fields));
            }

            case AbiTypeKind.Own:
            case AbiTypeKind.Borrow:
            case AbiTypeKind.ExportedOwn:
            case AbiTypeKind.ExportedBorrow:
                return LiftHandle(type, flat[0]);
            case AbiTypeKind.Stream:
            case AbiTypeKind.Future:
            case AbiTypeKind.ErrorContext:
                return LiftAsyncValue(type, flat[0]);
            case AbiTypeKind.Enum:
                return Declare("var", "value", $"({type.CSharpType}){CheckDiscriminant(flat[0], type.CaseCount)}");

            case AbiTypeKind.Flags:
            {
                var bits = type.Flat.Count switch
                {
                    0 => "0UL",
                    1 => $"(ulong){flat[0]}",
                    _ => $"((ulong){flat[1]} << 32 | {flat[0]})",
                };
                return Declare("var", "value", $"({type.CSharpType})({bits} & {FlagsMask(type.CaseCount)})");
            }

            case AbiTypeKind.Option:
            case AbiTypeKind.Result:
            case AbiTypeKind.Variant:
                return LiftCases(type, CheckDiscriminant(flat[0], type.CaseCount), child =>
                {
                    if (child.Kind == AbiTypeKind.None)
                    {
                        return null;
                    }

                    var payload = new List<string>();
                    for (var i = 0; i < child.Flat.Count; i++)
                    {
                        payload.Add(Declare(FlatType(child.Flat[i]), "flat", Narrow(type.Flat[i + 1], child.Flat[i], flat[i + 1])));
                    }

                    return LiftFlat(child, payload);
                });

            default:
            {
                var lifted = LiftScalar(type, flat[0], fromMemory: false);
                return lifted == flat[0] ? lifted : Declare("var", "value", lifted);
            }
        }
    }

    /// <summary>
    /// Lowers a top-level string parameter the call takes as UTF-8 bytes (a
    /// <c>ReadOnlySpan&lt;byte&gt;</c> checked before the call started); returns its flat values.
    /// </summary>
    public List<string> LowerUtf8String(string value)
    {
        var pointer = Local("pointer");
        var length = Local("length");
        _writer.WriteLine($"var ({pointer}, {length}) = {Support}.StoreUtf8String({_context}, {value});");
        return new List<string> { pointer, length };
    }

    /// <summary>Writes a string parameter given as UTF-8 bytes (<see cref="LowerUtf8String"/>) at <paramref name="address"/>.</summary>
    public void StoreUtf8String(string value, string address)
    {
        var flat = LowerUtf8String(value);
        Write(address, 0, 4, flat[0]);
        Write(address, 4, 4, flat[1]);
    }

    /// <summary>
    /// Lifts the string at <paramref name="address"/> as UTF-8 appended to the buffer writer
    /// <paramref name="writer"/>, with a string's checks; returns the local holding the bytes written.
    /// </summary>
    public string LoadUtf8String(string address, string writer)
    {
        var pointer = Declare("uint", "pointer", Read(address, 0, 4, "uint"));
        var length = Declare("uint", "length", Read(address, 4, 4, "uint"));
        return LiftUtf8String(new[] { pointer, length }, writer);
    }

    /// <summary>Lifts a string from its flat values as UTF-8 appended to <paramref name="writer"/>, as <see cref="LoadUtf8String"/> does.</summary>
    public string LiftUtf8String(IReadOnlyList<string> flat, string writer)
        => Declare("int", "written", $"{Support}.LoadUtf8String({_context}, {flat[0]}, {flat[1]}, {writer})");

    private string LoadList(AbiTypeBinding list, string pointer, string length)
    {
        var element = list.Children[0];
        if (list.Shape == CSharpShape.Bytes)
        {
            // list<u8> is byte[]: one bounds check and one copy.
            return Declare("byte[]", "bytes", $"{Support}.LoadBytes({_context}, {pointer}, {length})");
        }

        _writer.WriteLine($"{Support}.CheckList({_context}, {pointer}, {length}, {element.Size}, {element.Alignment});");
        var array = Declare("var", "list", NewArray(element.CSharpType, length));
        var index = Local("index");
        _writer.WriteLine($"for (uint {index} = 0; {index} < {length}; {index}++)");
        _writer.OpenBlock();
        var item = Load(element, $"{pointer} + {index} * {element.Size}");
        _writer.WriteLine($"{array}[{index}] = {item};");
        _writer.CloseBlock();

        // An array is also an IReadOnlyList<T>; a List<T> (a C#-first signature's choice) is made from it.
        return list.Shape == CSharpShape.GenericList ? Declare("var", "list", $"new {list.CSharpType}({array})") : array;
    }

    private string LoadMap(AbiTypeBinding map, string pointer, string length)
    {
        var entry = map.Children[0];
        var (key, value) = (entry.Children[0], entry.Children[1]);
        _writer.WriteLine($"{Support}.CheckList({_context}, {pointer}, {length}, {entry.Size}, {entry.Alignment});");
        var dictionary = Declare("var", "map", $"new global::System.Collections.Generic.Dictionary<{key.CSharpType}, {value.CSharpType}>((int){length})");
        var index = Local("index");
        _writer.WriteLine($"for (uint {index} = 0; {index} < {length}; {index}++)");
        _writer.OpenBlock();
        var entryAddress = $"{pointer} + {index} * {entry.Size}";
        var loadedKey = Load(key, Offset(entryAddress, entry.Offsets[0]));
        var loadedValue = Load(value, Offset(entryAddress, entry.Offsets[1]));

        // A key the guest sent twice: the last pair defines its value, as the Component Model
        // asks of bindings (a map is a list of pairs without a uniqueness guarantee).
        _writer.WriteLine($"{dictionary}[{loadedKey}] = {loadedValue};");
        _writer.CloseBlock();
        return dictionary;
    }

    // Arrays count with Length; IReadOnlyList<T>, List<T> and a map's dictionary with Count.
    private static string CountProperty(AbiTypeBinding list) => list.Shape is CSharpShape.Array or CSharpShape.Bytes ? "Length" : "Count";

    private (string Pointer, string Length) LowerPointerAndLength(AbiTypeBinding type, string value)
    {
        CheckNotNull(value);
        var pointer = Local("pointer");
        var length = Local("length");
        if (type.Kind == AbiTypeKind.String)
        {
            _writer.WriteLine($"var ({pointer}, {length}) = {Support}.StoreString({_context}, {value});");
            return (pointer, length);
        }

        if (type.Shape == CSharpShape.Bytes)
        {
            _writer.WriteLine($"var ({pointer}, {length}) = {Support}.StoreBytes({_context}, {value});");
            return (pointer, length);
        }

        // The list's block is allocated first, then its elements are stored in order (their own
        // strings and lists allocated as they come), as the spec orders the cabi_realloc calls.
        if (type.Kind == AbiTypeKind.Map)
        {
            StoreMapEntries(type, value, pointer, length);
            return (pointer, length);
        }

        var element = type.Children[0];
        var count = $"{value}.{CountProperty(type)}";
        _writer.WriteLine($"var {pointer} = {Support}.AllocateList({_context}, {count}, {element.Size}, {element.Alignment});");
        _writer.WriteLine($"var {length} = (uint){count};");
        var index = Local("index");
        _writer.WriteLine($"for (int {index} = 0; {index} < {count}; {index}++)");
        _writer.OpenBlock();
        Store(element, $"{value}[{index}]", $"{pointer} + (uint){index} * {element.Size}");
        _writer.CloseBlock();
        return (pointer, length);
    }

    // A map is stored as its list of (key, value) entries, in the dictionary's enumeration order.
    private void StoreMapEntries(AbiTypeBinding map, string value, string pointer, string length)
    {
        var entry = map.Children[0];
        var count = Declare("int", "count", $"{value}.Count");
        _writer.WriteLine($"var {pointer} = {Support}.AllocateList({_context}, {count}, {entry.Size}, {entry.Alignment});");
        _writer.WriteLine($"var {length} = (uint){count};");
        var index = Declare("int", "index", "0");
        var pair = Local("entry");
        _writer.WriteLine($"foreach (var {pair} in {value})");
        _writer.OpenBlock();

        // The block has room for Count entries: a dictionary that enumerates more (or fewer) is
        // refused rather than written past its block.
        _writer.WriteLine($"if ({index} == {count}) throw {Support}.MapCountMismatch({count});");
        var entryAddress = Declare("uint", "entry", $"{pointer} + (uint){index} * {entry.Size}");
        Store(entry.Children[0], $"{pair}.Key", Offset(entryAddress, entry.Offsets[0]));
        Store(entry.Children[1], $"{pair}.Value", Offset(entryAddress, entry.Offsets[1]));
        _writer.WriteLine($"{index}++;");
        _writer.CloseBlock();
        _writer.WriteLine($"if ({index} != {count}) throw {Support}.MapCountMismatch({count});");
    }

    /// <summary>
    /// Reads the case whose index <paramref name="discriminant"/> holds and builds the value;
    /// <paramref name="liftPayload"/> lifts one case's payload (null for none).
    /// </summary>
    private string LiftCases(AbiTypeBinding type, string discriminant, Func<AbiTypeBinding, string?> liftPayload)
    {
        var checkedCase = Declare("uint", "case", discriminant);
        var result = Local("value");
        _writer.WriteLine($"{type.CSharpType} {result};");
        _writer.WriteLine($"switch ({checkedCase})");
        _writer.OpenBlock();
        for (var i = 0; i < type.Children.Count; i++)
        {
            _writer.WriteLine($"case {i}:");
            _writer.OpenBlock();
            var payload = liftPayload(type.Children[i]);
            _writer.WriteLine($"{result} = {CaseValue(type, i, payload)};");
            _writer.WriteLine("break;");
            _writer.CloseBlock();
        }

        // The discriminant was checked against the case count above.
        _writer.WriteLine("default:");
        _writer.WriteLine($"    throw new global::System.Diagnostics.UnreachableException(\"The discriminant was checked against the cases of {Readable(type.CSharpType)}.\");");
        _writer.CloseBlock();
        return result;
    }

    /// <summary>Branches on the case of <paramref name="value"/>; <paramref name="lowerCase"/> writes one case (index, payload type, payload expression).</summary>
    private void LowerCases(AbiTypeBinding type, string value, Action<int, AbiTypeBinding, string> lowerCase)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Option:
            {
                var payload = Local("some");
                var test = IsWrappedOption(type) ? $"{value}.TryGetValue(out var {payload})" : $"{value} is {{ }} {payload}";
                _writer.WriteLine($"if ({test})");
                _writer.OpenBlock();
                lowerCase(1, type.Children[1], payload);
                _writer.CloseBlock();
                _writer.WriteLine("else");
                _writer.OpenBlock();
                lowerCase(0, type.Children[0], "");
                _writer.CloseBlock();
                break;
            }

            case AbiTypeKind.Result:
                _writer.WriteLine($"if ({value}.IsOk)");
                _writer.OpenBlock();
                lowerCase(0, type.Children[0], $"{value}.Value");
                _writer.CloseBlock();
                _writer.WriteLine("else");
                _writer.OpenBlock();
                lowerCase(1, type.Children[1], $"{value}.Error");
                _writer.CloseBlock();
                break;

            default:
            {
                _writer.WriteLine($"switch ({value})");
                _writer.OpenBlock();
                for (var i = 0; i < type.Children.Count; i++)
                {
                    var caseType = type.CSharpType + "." + type.MemberNames[i];
                    var @case = Local("case");
                    _writer.WriteLine($"case {caseType} {@case}:");
                    _writer.OpenBlock();
                    lowerCase(i, type.Children[i], $"{@case}.{type.VariantPayloadName}");
                    _writer.WriteLine("break;");
                    _writer.CloseBlock();
                }

                // The cases are sealed records nested in the variant, whose constructor is private:
                // a value that is none of them can only be null.
                _writer.WriteLine("case null:");
                _writer.WriteLine($"    throw {NullError()};");
                _writer.WriteLine("default:");
                _writer.WriteLine($"    throw new global::System.Diagnostics.UnreachableException(\"A value of {Readable(type.CSharpType)} that is none of its cases.\");");
                _writer.CloseBlock();
                break;
            }
        }
    }

    private static string CaseValue(AbiTypeBinding type, int index, string? payload)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Option when IsWrappedOption(type):
                return index == 0 ? $"{type.CSharpType}.None" : $"{type.CSharpType}.Some({payload})";
            case AbiTypeKind.Option:
                return index == 0 ? "null" : payload!;
            case AbiTypeKind.Result:
                return $"{type.CSharpType}.{(index == 0 ? "Ok" : "Err")}({payload ?? "global::WitHost.Unit.Value"})";
            default:
                return $"new {type.CSharpType}.{type.MemberNames[index]}({payload})";
        }
    }

    // option<option<T>> is WitHost.Option<T?>: T? alone cannot tell none from some(none).
    private static bool IsWrappedOption(AbiTypeBinding type) => type.Shape == CSharpShape.WrappedOption;

    private static string Construct(AbiTypeBinding type, List<string> fields)
    {
        if (type.Kind == AbiTypeKind.Record)
        {
            return $"new {type.CSharpType}({string.Join(", ", fields)})";
        }

        return fields.Count == 1 ? $"new {type.CSharpType}({fields[0]})" : $"({string.Join(", ", fields)})";
    }

    private static string Member(AbiTypeBinding type, string value, int index)
        => type.Kind == AbiTypeKind.Record ? $"{value}.{type.MemberNames[index]}" : $"{value}.Item{index + 1}";

    private string CheckDiscriminant(string discriminant, int caseCount)
        => $"{Support}.Discriminant({_instance}, {_function}, {discriminant}, {caseCount})";

    private string LiftScalar(AbiTypeBinding type, string bits, bool fromMemory)
    {
        // From memory the bits are a ulong of the value's width; flat, the core value's own type.
        return type.Kind switch
        {
            AbiTypeKind.Bool => $"{bits} != 0",
            AbiTypeKind.S8 => $"unchecked((sbyte){bits})",
            AbiTypeKind.U8 => $"unchecked((byte){bits})",
            AbiTypeKind.S16 => $"unchecked((short){bits})",
            AbiTypeKind.U16 => $"unchecked((ushort){bits})",
            AbiTypeKind.S32 => $"unchecked((int){bits})",
            AbiTypeKind.U32 => fromMemory ? $"(uint){bits}" : bits,
            AbiTypeKind.S64 => $"unchecked((long){bits})",
            AbiTypeKind.U64 => bits,
            AbiTypeKind.F32 => $"{Rules}.CanonicalizeNaN({(fromMemory ? $"{BitConverter}.UInt32BitsToSingle((uint){bits})" : bits)})",
            AbiTypeKind.F64 => $"{Rules}.CanonicalizeNaN({(fromMemory ? $"{BitConverter}.UInt64BitsToDouble({bits})" : bits)})",
            AbiTypeKind.Char => $"{Support}.LiftChar({_instance}, {_function}, {(fromMemory ? $"(uint){bits}" : bits)})",
            _ => throw new InvalidOperationException("Not a scalar: " + type.Kind),
        };
    }

    private static string LowerScalar(AbiTypeBinding type, string value) => type.Kind switch
    {
        AbiTypeKind.Bool => $"{value} ? 1U : 0U",

        // Signed values sign-extend into their core type, as the spec's lower_flat_signed does.
        AbiTypeKind.S8 or AbiTypeKind.S16 or AbiTypeKind.S32 => $"unchecked((uint){value})",
        AbiTypeKind.U8 or AbiTypeKind.U16 => $"(uint){value}",
        AbiTypeKind.S64 => $"unchecked((ulong){value})",
        AbiTypeKind.Char => $"(uint){value}.Value",
        AbiTypeKind.F32 or AbiTypeKind.F64 => $"{Rules}.CanonicalizeNaN({value})",
        _ => value,
    };

    private static string ScalarBits(AbiTypeBinding type, string value) => type.Kind switch
    {
        AbiTypeKind.Bool => $"{value} ? 1UL : 0UL",
        AbiTypeKind.S8 or AbiTypeKind.S16 or AbiTypeKind.S32 or AbiTypeKind.S64 => $"unchecked((ulong){value})",
        AbiTypeKind.F32 => $"{BitConverter}.SingleToUInt32Bits({Rules}.CanonicalizeNaN({value}))",
        AbiTypeKind.F64 => $"{BitConverter}.DoubleToUInt64Bits({Rules}.CanonicalizeNaN({value}))",
        AbiTypeKind.Char => $"(ulong){value}.Value",
        _ => $"(ulong){value}",
    };

    /// <summary>A case's flat value in a joined slot (the spec's lower_flat_variant coercions).</summary>
    private static string Widen(CoreValueType from, CoreValueType to, string value)
    {
        if (from == to)
        {
            return value;
        }

        return (from.Kind, to.Kind) switch
        {
            (CoreValueKind.F32, CoreValueKind.I32) => $"{BitConverter}.SingleToUInt32Bits({value})",
            (CoreValueKind.I32, CoreValueKind.I64) => $"(ulong){value}",
            (CoreValueKind.F32, CoreValueKind.I64) => $"(ulong){BitConverter}.SingleToUInt32Bits({value})",
            (CoreValueKind.F64, CoreValueKind.I64) => $"{BitConverter}.DoubleToUInt64Bits({value})",
            _ => throw new InvalidOperationException($"No coercion from {from} to {to}."),
        };
    }

    /// <summary>A joined slot's value as a case's flat type (the spec's lift_flat_variant coercions).</summary>
    private static string Narrow(CoreValueType from, CoreValueType to, string value)
    {
        if (from == to)
        {
            return value;
        }

        return (from.Kind, to.Kind) switch
        {
            (CoreValueKind.I32, CoreValueKind.F32) => $"{BitConverter}.UInt32BitsToSingle({value})",
            (CoreValueKind.I64, CoreValueKind.I32) => $"unchecked((uint){value})",
            (CoreValueKind.I64, CoreValueKind.F32) => $"{BitConverter}.UInt32BitsToSingle(unchecked((uint){value}))",
            (CoreValueKind.I64, CoreValueKind.F64) => $"{BitConverter}.UInt64BitsToDouble({value})",
            _ => throw new InvalidOperationException($"No coercion from {from} to {to}."),
        };
    }

    private static string FlagsMask(int count) => count >= 64 ? "ulong.MaxValue" : $"0x{(1UL << count) - 1:X}UL";

    // A stream or future from the guest: its readable end leaves the guest's table (the host reads
    // it now); an error context stays the guest's (the spec's lift_error_context only looks it up).
    private string LiftAsyncValue(AbiTypeBinding type, string index)
    {
        if (type.Kind == AbiTypeKind.ErrorContext)
        {
            return Declare("var", "value", $"{AsyncNamespace}.ErrorContexts.Lift({_instance}, {index}, {_function})");
        }

        var element = ChannelElement(type.Children[0], type.ElementWitName, type.ElementStructure);
        var lift = type.Kind == AbiTypeKind.Stream ? "LiftStream" : "LiftFuture";
        return Declare("var", "value", $"{AsyncNamespace}.ChannelValues.{lift}({_instance}, {index}, {_function}, {element})");
    }

    // A stream or future to the guest: a new one whose readable end the guest gets and whose
    // writable end the host keeps, fed from the value; an error context: a new handle the guest owns.
    private string LowerAsyncValue(AbiTypeBinding type, string value)
    {
        CheckNotNull(value);
        if (type.Kind == AbiTypeKind.ErrorContext)
        {
            return Declare("uint", "flat", $"{AsyncNamespace}.ErrorContexts.Lower({_instance}, {value})");
        }

        // A future's value the guest never gets is discarded: the element says how.
        var element = ChannelElement(type.Children[0], type.ElementWitName, type.ElementStructure, discards: type.Kind == AbiTypeKind.Future);
        var lower = type.Kind == AbiTypeKind.Stream ? "LowerStream" : "LowerFuture";
        return Declare("uint", "flat", $"{AsyncNamespace}.ChannelValues.{lower}({_instance}, {value}, {element})");
    }

    /// <summary>
    /// True when a value of <paramref name="type"/> holds something the host made for the guest
    /// that nobody ends when the guest never takes the value: a stream (its writer and source are
    /// the host's), an own handle of an imported resource (its object was to move into the
    /// guest's table), or a future whose value holds one (the value it ends with goes nowhere).
    /// </summary>
    public static bool HoldsHostMade(AbiTypeBinding type)
        => type.Kind is AbiTypeKind.Stream or AbiTypeKind.Own || type.Children.Any(HoldsHostMade);

    /// <summary>
    /// Ends what <paramref name="value"/> of <paramref name="type"/> holds for the guest
    /// (<see cref="HoldsHostMade"/>): each stream with <paramref name="reason"/>
    /// (<c>ChannelValues.Discard</c>), each owned resource object as dropping its handle would
    /// (<c>OwnedResources.Release</c>), and each future's value, whenever it comes, by the same
    /// rule. It runs for an async import's result the guest will never take, and for a future's
    /// value the guest never got, whose contents would otherwise be left with nobody to end them.
    /// </summary>
    public void DiscardHostMade(AbiTypeBinding type, string value, string reason)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Stream:
                _writer.WriteLine($"{AsyncNamespace}.ChannelValues.Discard({value}, {reason});");
                break;
            case AbiTypeKind.Future:
                _writer.WriteLine($"{AsyncNamespace}.ChannelValues.Discard({value}, {reason},");
                _writer.Indent();
                WriteDiscardLambda(type.Children[0], ");");
                _writer.Unindent();
                break;
            case AbiTypeKind.Own:
                _writer.WriteLine($"global::WitHost.Wamr.Bindings.OwnedResources.Release({value});");
                break;
            case AbiTypeKind.List:
            case AbiTypeKind.FixedList:
            case AbiTypeKind.Map:
            {
                var item = Local("item");
                _writer.WriteLine($"foreach (var {item} in {value})");
                _writer.OpenBlock();
                if (type.Kind == AbiTypeKind.Map)
                {
                    DiscardMembers(type.Children[0], index => index == 0 ? $"{item}.Key" : $"{item}.Value", reason);
                }
                else
                {
                    DiscardHostMade(type.Children[0], item, reason);
                }

                _writer.CloseBlock();
                break;
            }

            case AbiTypeKind.Tuple:
            case AbiTypeKind.Record:
                DiscardMembers(type, index => Member(type, value, index), reason);
                break;
            case AbiTypeKind.Option:
            case AbiTypeKind.Result:
            case AbiTypeKind.Variant:
                LowerCases(type, value, (_, child, payload) =>
                {
                    if (HoldsHostMade(child))
                    {
                        DiscardHostMade(child, payload, reason);
                    }
                });
                break;
        }
    }

    // Writes a lambda, (value, reason) => { … }, ending what a value of type holds (HoldsHostMade).
    private void WriteDiscardLambda(AbiTypeBinding type, string suffix)
    {
        var value = Local("value");
        var reason = Local("reason");
        _writer.WriteLine($"static ({value}, {reason}) =>");
        _writer.OpenBlock();
        DiscardHostMade(type, value, reason);
        _writer.CloseBlock(suffix);
    }

    private void DiscardMembers(AbiTypeBinding type, Func<int, string> member, string reason)
    {
        for (var i = 0; i < type.Children.Count; i++)
        {
            if (HoldsHostMade(type.Children[i]))
            {
                DiscardHostMade(type.Children[i], member(i), reason);
            }
        }
    }

    /// <summary>
    /// Declares the <c>ChannelElement</c> of a stream's or future's elements: their layout and the
    /// same load and store as any other value of their type, run when the elements move.
    /// </summary>
    private string ChannelElement(AbiTypeBinding element, string witName, string structure, bool discards = false)
    {
        discards &= HoldsHostMade(element);
        var name = Local("element");
        var csharpType = element.Kind == AbiTypeKind.None ? "global::WitHost.Unit" : element.CSharpType;

        // The lambdas capture the instance, not the host call it may come from (a ref struct).
        var instance = Declare("var", "instance", _instance);
        _writer.WriteLine($"var {name} = new {AsyncNamespace}.ChannelElement<{csharpType}>({CallEmitter.Literal(witName)}, {CallEmitter.Literal(structure)}, {_context}.Encoding, {element.Size}, {element.Alignment},");
        _writer.Indent();

        // The element moves later, in a copy of its own: its context and no call's journal.
        var (outerContext, outerInstance, outerJournal, outerParameter) = (_context, _instance, _journal, LoweredParameter);
        _context = "elementContext_";
        _instance = instance;
        _journal = null;
        LoweredParameter = null;
        try
        {
            var address = Local("address");
            if (element.Kind == AbiTypeKind.None)
            {
                _writer.WriteLine($"static ({_context}, {address}) => global::WitHost.Unit.Value,");
                _writer.WriteLine($"static ({_context}, value_, {address}) => {{ }});");
            }
            else
            {
                _writer.WriteLine($"({_context}, {address}) =>");
                _writer.OpenBlock();
                var loaded = Load(element, address);
                _writer.WriteLine($"return {loaded};");
                _writer.CloseBlock(",");
                var value = Local("value");
                _writer.WriteLine($"({_context}, {value}, {address}) =>");
                _writer.OpenBlock();
                Store(element, value, address);
                _writer.CloseBlock(discards ? ")" : ");");
                if (discards)
                {
                    _writer.OpenBlock();
                    _writer.WriteLine("Discard =");
                    _writer.Indent();
                    WriteDiscardLambda(element, ",");
                    _writer.Unindent();
                    _writer.CloseBlock(";");
                }
            }
        }
        finally
        {
            (_context, _instance, _journal, LoweredParameter) = (outerContext, outerInstance, outerJournal, outerParameter);
            _writer.Unindent();
        }

        return name;
    }


    // A handle from the guest. Imported resource: an own leaves the table (the receiver owns the
    // object now), a borrow is looked up; a bad index traps in the table. Exported resource (only
    // an own can come back from an export): the guest's handle leaves its RepTable, and the host
    // holds the representation in a new handle object.
    private string LiftHandle(AbiTypeBinding type, string index)
    {
        var table = $"{_tables}.{type.ResourceTableName}";
        if (type.Kind == AbiTypeKind.ExportedOwn)
        {
            var rep = Declare("uint", "rep", $"{table}.Take({_instance}, (int){index}, {_function})");
            return Declare("var", "value", $"new {type.HandleClass ?? type.CSharpType}({_tables}.{GuestResourceCallsBinding.CallsFieldOf(type.ResourceTableName)}, {table}, {_instance}, {rep})");
        }

        return Declare("var", "value", $"{table}.{(type.Kind == AbiTypeKind.Own ? "Take" : "Get")}({_instance}, (int){index}, {_function})");
    }

    // A handle to the guest. Imported resource: an own moves the object into the table, a borrow
    // lends it for the call. Exported resource: a borrow is the representation itself (the callee
    // implements the resource), an own moves the host's handle into the guest's RepTable.
    private string LowerHandle(AbiTypeBinding type, string value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.ExportedBorrow when LentBorrows is not null && LentBorrows.TryGetValue(value, out var lentRep):
                return lentRep;

            case AbiTypeKind.ExportedOwn:
            case AbiTypeKind.ExportedBorrow:
            {
                CheckNotNull(value);

                // A C#-first resource is typed as the user's interface, which other classes can
                // implement too: only the generated handle class holds a handle of the guest.
                var handleObject = type.HandleClass is null
                    ? value
                    : Declare(type.HandleClass, "guestObject", $"{value} as {type.HandleClass} ?? throw {ForeignResourceError(type)}");
                var handle = handleObject + ".Handle";
                var lowered = type.Kind == AbiTypeKind.ExportedOwn
                    ? $"(uint){handle}.Move({_instance}, {_function}{JournalArgument})"
                    : TaskLends is { } lends
                        ? $"{lends}.Lend({handle}, {_instance}, {_function})"
                        : $"{handle}.Borrow({_instance}, {_function}{JournalArgument})";
                return Declare("uint", "flat", lowered);
            }

            default:
                CheckNotNull(value);
                return Declare("uint", "flat", $"(uint){_tables}.{type.ResourceTableName}.{(type.Kind == AbiTypeKind.Own ? "AddOwn" : "AddBorrow")}({value}{JournalArgument})");
        }
    }

    private string JournalArgument => _journal is null ? "" : ", " + _journal;

    private string Read(string address, uint offset, uint size, string type)
    {
        var read = $"{_context}.ReadUnsigned({Offset(address, offset)}, {size})";
        return type == "ulong" ? read : $"({type}){read}";
    }

    private void Write(string address, uint offset, uint size, string bits)
        => _writer.WriteLine($"{_context}.WriteUnsigned({Offset(address, offset)}, {size}, {bits});");

    private string Declare(string type, string hint, string expression)
    {
        var name = Local(hint);
        _writer.WriteLine($"{type} {name} = {expression};");
        return name;
    }

    /// <summary>
    /// <paramref name="address"/> plus a constant. A constant the address already ends with is
    /// folded in (<c>returnArea_ + 8</c> plus 84 is <c>returnArea_ + 92</c>), so nested fields read
    /// as one offset; the sum is the same in unsigned 32-bit arithmetic either way.
    /// </summary>
    public static string Offset(string address, uint offset)
    {
        if (offset == 0)
        {
            return address;
        }

        var plus = address.LastIndexOf(" + ", StringComparison.Ordinal);
        if (plus > 0 && uint.TryParse(address.Substring(plus + 3), NumberStyles.None, CultureInfo.InvariantCulture, out var constant))
        {
            return $"{address.Substring(0, plus)} + {unchecked(constant + offset).ToString(CultureInfo.InvariantCulture)}";
        }

        return $"{address} + {offset.ToString(CultureInfo.InvariantCulture)}";
    }

    private static IReadOnlyList<string> Take(IReadOnlyList<string> values, int start, int count)
    {
        var taken = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            taken.Add(values[start + i]);
        }

        return taken;
    }

    /// <summary><c>new T[n]</c>, with the length in the right place for arrays of arrays (<c>new byte[n][]</c>).</summary>
    private static string NewArray(string elementType, string length)
    {
        var suffix = "";
        while (elementType.EndsWith("[]", StringComparison.Ordinal))
        {
            elementType = elementType.Substring(0, elementType.Length - 2);
            suffix += "[]";
        }

        return $"new {elementType}[{length}]{suffix}";
    }

    // A null where WIT has no option, inside a parameter or a host implementation's result. A
    // plain name needs no check: it is a parameter (checked on entry), a result (checked when the
    // implementation returns) or a value a pattern matched as non-null; a field, element or
    // payload may still be null.
    private void CheckNotNull(string value)
    {
        if (!IsPlainName(value))
        {
            _writer.WriteLine($"if ({value} is null) throw {NullError()};");
        }
    }

    // An array for list<T, N> must have N elements: a null is the null error, a wrong length its own.
    private void CheckFixedLength(AbiTypeBinding type, string value)
    {
        CheckNotNull(value);
        var error = LoweredParameter is { } parameter
            ? $"{Support}.FixedLengthArgument(nameof({parameter}), {type.FixedLength}, {value}.Length)"
            : $"{Support}.FixedLengthResult({_function}, {type.FixedLength}, {value}.Length)";
        _writer.WriteLine($"if ({value}.Length != {type.FixedLength}) throw {error};");
    }

    private string NullError() => LoweredParameter is { } parameter
        ? $"new global::System.ArgumentNullException(nameof({parameter}), \"A value inside it is null where WIT has no option.\")"
        : $"{Support}.NullResult({_function})";

    private string ForeignResourceError(AbiTypeBinding type) => LoweredParameter is { } parameter
        ? $"{Support}.ForeignResourceArgument(nameof({parameter}), \"{Readable(type.CSharpType)}\")"
        : $"{Support}.ForeignResourceResult({_function}, \"{Readable(type.CSharpType)}\")";

    // A C# type as a message names it, without the global:: qualifiers.
    private static string Readable(string csharpType) => csharpType.Replace("global::", "");

    private static bool IsPlainName(string value) => value.All(character => char.IsLetterOrDigit(character) || character is '_' or '@');
}
