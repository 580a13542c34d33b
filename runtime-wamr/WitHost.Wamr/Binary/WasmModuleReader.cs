using System.Collections.Immutable;
using System.Text;

namespace WitHost.Wamr.Binary;

/// <summary>
/// Reads a core wasm binary before WAMR loads it: the types, imports, functions, memory and
/// exports the runtime needs, and a structural check of every section that keeps hostile bytes
/// away from WAMR's loader.
/// </summary>
/// <remarks>
/// <para>WAMR resolves host functions while it loads a module and offers no API to list a
/// module's imports first, and the BCL has no wasm reader; so this small reader exists.</para>
/// <para>WAMR 1.1.2's loader allocates an array as soon as it reads a vector's count, before it
/// checks that the bytes hold that many entries: a 15-byte module declaring 2^32 - 1 data
/// segments makes it allocate gigabytes. So this reader walks every section's vectors (and each
/// function body's local declarations) and refuses a count larger than the bytes left in its
/// section, since every entry takes at least one byte, and a function with more than
/// <see cref="MaxLocals"/> locals. It does not validate instructions (WAMR does, in memory
/// proportional to their size), except that it checks every branch's label (see
/// <see cref="ScanInstructions"/>). On malformed input it throws <see cref="FormatException"/> after
/// reading each byte at most once, so in time linear in the size of the module, and never reads
/// outside the buffer.</para>
/// </remarks>
internal ref struct WasmModuleReader
{
    /// <summary>
    /// The most locals (parameters excluded) one function may declare: the limit web engines
    /// share (the JS API's implementation limits). WAMR allocates a byte per local up front, and
    /// a few bytes of local declarations can ask for 2^32.
    /// </summary>
    public const uint MaxLocals = 50_000;

    /// <summary>
    /// The most elements a table may start with: the JS API's implementation limit. WAMR
    /// allocates and zeroes a table's initial elements when it instantiates the module, so a
    /// 13-byte module declaring a table of 2^28 elements cost a gigabyte per instance.
    /// </summary>
    public const uint MaxTableElements = 10_000_000;

    private const byte OpcodeEnd = 0x0B;

    private readonly ReadOnlySpan<byte> _bytes;
    private int _position;

    // The end of the section being read: reads past it are errors even when the module goes on.
    private int _limit;

    // What BoundedExports needs of each function body, and of the one being scanned: whether it
    // has an instruction whose running time the body does not bound, and its direct calls.
    private List<FunctionBodyShape>? _bodies;
    private bool _bodyUnbounded;
    private List<uint>? _bodyCalls;

    private WasmModuleReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _position = 0;
        _limit = bytes.Length;
    }

    /// <summary>Whether <paramref name="bytes"/> start with the magic number and version of a core module.</summary>
    public static bool HasCoreModuleHeader(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 8 && bytes[..4].SequenceEqual("\0asm"u8) && bytes[4..8].SequenceEqual((ReadOnlySpan<byte>)[1, 0, 0, 0]);

    public static WasmModuleInfo Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new WasmModuleReader(bytes);
        return reader.ReadModule();
    }

    private WasmModuleInfo ReadModule()
    {
        if (_bytes.Length < 8 || !_bytes[..4].SequenceEqual("\0asm"u8))
        {
            throw new FormatException("not a WebAssembly binary (bad magic number)");
        }
        if (!HasCoreModuleHeader(_bytes))
        {
            throw new FormatException("not a core WebAssembly module (version is not 1)");
        }
        _position = 8;

        var types = new List<FunctionType>();
        var imports = new List<ModuleImport>();
        var functions = new List<FunctionType>();
        var exports = new List<ModuleExport>();
        var functionExports = new List<(string Name, uint Index)>();
        _bodies = [];
        MemoryLimits? memory = null;
        MemorySectionLocation? memorySection = null;
        bool importsMemory = false;

        while (_position < _bytes.Length)
        {
            int sectionStart = _position;
            _limit = _bytes.Length;
            byte id = ReadByte();
            uint size = ReadU32();
            if (size > (uint)(_bytes.Length - _position))
            {
                throw new FormatException($"section {id} of {size} bytes runs past the end of the module");
            }
            int end = _position + (int)size;
            _limit = end;

            switch (id)
            {
                case CoreSectionId.Custom:
                    ReadName();
                    _position = end;
                    break;
                case CoreSectionId.Type:
                    ReadTypes(types);
                    break;
                case CoreSectionId.Import:
                    importsMemory = ReadImports(types, imports);
                    break;
                case CoreSectionId.Function:
                    ReadFunctions(types, functions);
                    break;
                case CoreSectionId.Table:
                    ReadVector(static (ref WasmModuleReader r) => r.ReadTableType());
                    break;
                case CoreSectionId.Memory:
                    uint count = ReadCount();
                    if (count > 0)
                    {
                        int limitsStart = _position;
                        memory = ReadLimits();
                        memorySection = new MemorySectionLocation(sectionStart, limitsStart, _position, end, count);
                        for (uint i = 1; i < count; i++)
                        {
                            ReadLimits();
                        }
                    }
                    break;
                case CoreSectionId.Global:
                    ReadVector(static (ref WasmModuleReader r) =>
                    {
                        r.ReadByte();
                        r.ReadByte();
                        r.SkipConstantExpression();
                    });
                    break;
                case CoreSectionId.Export:
                    ReadExports(imports, functions, exports, functionExports);
                    break;
                case CoreSectionId.Start:
                case CoreSectionId.DataCount:
                    ReadU32();
                    break;
                case CoreSectionId.Element:
                    ReadVector(static (ref WasmModuleReader r) => r.ReadElementSegment());
                    break;
                case CoreSectionId.Code:
                    ReadVector(static (ref WasmModuleReader r) => r.ReadFunctionBody());
                    break;
                case CoreSectionId.Data:
                    ReadVector(static (ref WasmModuleReader r) => r.ReadDataSegment());
                    break;
                default:
                    throw new FormatException($"unknown section id {id}");
            }

            if (_position != end)
            {
                throw new FormatException($"section {id} declares {size} bytes but its contents take {_position - (end - (int)size)}");
            }
        }

        return new WasmModuleInfo(imports, exports, memory, memorySection, importsMemory)
        {
            BoundedExports = BoundedExports.Find(imports.Count, _bodies, functionExports),
        };
    }

    private delegate void EntryReader(ref WasmModuleReader reader);

    private void ReadVector(EntryReader readEntry)
    {
        uint count = ReadCount();
        for (uint i = 0; i < count; i++)
        {
            readEntry(ref this);
        }
    }

    /// <summary>
    /// A vector's length, which cannot be more than the bytes left in the section: each entry
    /// takes at least one. This is the check that keeps WAMR from allocating for a count the
    /// module cannot hold.
    /// </summary>
    private uint ReadCount()
    {
        uint count = ReadU32();
        if (count > (uint)(_limit - _position))
        {
            throw new FormatException($"a vector of {count} entries at offset {_position} is longer than the {_limit - _position} bytes left in its section");
        }
        return count;
    }

    private void ReadTypes(List<FunctionType> types)
    {
        uint count = ReadCount();
        for (uint i = 0; i < count; i++)
        {
            if (ReadByte() != CoreSectionId.FunctionTypeForm)
            {
                throw new FormatException("malformed function type");
            }
            types.Add(new FunctionType(ReadValueTypes(), ReadValueTypes()));
        }
    }

    private bool ReadImports(List<FunctionType> types, List<ModuleImport> imports)
    {
        bool importsMemory = false;
        uint count = ReadCount();
        for (uint i = 0; i < count; i++)
        {
            string module = ReadName();
            string name = ReadName();
            byte kind = ReadByte();
            switch (kind)
            {
                case 0:
                    uint typeIndex = ReadU32();
                    if (typeIndex >= types.Count)
                    {
                        throw new FormatException($"import {module}.{name} names unknown type {typeIndex}");
                    }
                    imports.Add(new ModuleImport(module, name, types[(int)typeIndex]));
                    break;
                case 1:
                    ReadTableType();
                    break;
                case 2:
                    ReadLimits();
                    importsMemory = true;
                    break;
                case 3:
                    ReadByte();
                    ReadByte();
                    break;
                default:
                    throw new FormatException($"unknown import kind {kind}");
            }
        }
        return importsMemory;
    }

    // The function section gives each function the module defines its type; they follow the
    // imported functions in the function index space.
    private void ReadFunctions(List<FunctionType> types, List<FunctionType> functions)
    {
        uint count = ReadCount();
        for (uint i = 0; i < count; i++)
        {
            uint typeIndex = ReadU32();
            if (typeIndex >= types.Count)
            {
                throw new FormatException($"function {i} names unknown type {typeIndex}");
            }
            functions.Add(types[(int)typeIndex]);
        }
    }

    private void ReadExports(List<ModuleImport> imports, List<FunctionType> functions, List<ModuleExport> exports, List<(string Name, uint Index)> functionExports)
    {
        uint count = ReadCount();
        for (uint i = 0; i < count; i++)
        {
            string name = ReadName();
            byte kind = ReadByte();
            uint index = ReadU32();
            if (kind > 3)
            {
                throw new FormatException($"unknown export kind {kind}");
            }

            FunctionType? type = null;
            if ((ModuleExportKind)kind == ModuleExportKind.Function)
            {
                type = index < imports.Count ? imports[(int)index].Type
                    : index - (uint)imports.Count < (uint)functions.Count ? functions[(int)(index - (uint)imports.Count)]
                    : throw new FormatException($"export {name} names unknown function {index}");
                functionExports.Add((name, index));
            }
            exports.Add(new ModuleExport(name, (ModuleExportKind)kind, type));
        }
    }

    private void ReadTableType()
    {
        ReadByte();
        int at = _position;
        if (ReadLimits().MinimumPages > MaxTableElements)
        {
            throw new FormatException($"the table at offset {at} starts with more than {MaxTableElements} elements");
        }
    }

    // The eight encodings of an element segment (flags 0-7): whether it is passive or
    // declarative, has an explicit table, and lists function indexes or expressions.
    private void ReadElementSegment()
    {
        uint flags = ReadU32();
        if (flags > 7)
        {
            throw new FormatException($"unknown element segment kind {flags}");
        }
        bool passiveOrDeclarative = (flags & 1) != 0;
        bool explicitTable = (flags & 2) != 0;
        bool expressions = (flags & 4) != 0;
        if (!passiveOrDeclarative)
        {
            if (explicitTable)
            {
                ReadU32();
            }
            SkipConstantExpression();
        }
        if (passiveOrDeclarative || explicitTable)
        {
            // The element kind (0x00, funcref) or reference type.
            ReadByte();
        }
        if (expressions)
        {
            ReadVector(static (ref WasmModuleReader r) => r.SkipConstantExpression());
        }
        else
        {
            ReadVector(static (ref WasmModuleReader r) => r.ReadU32());
        }
    }

    private void ReadDataSegment()
    {
        uint flags = ReadU32();
        switch (flags)
        {
            case 0:
                SkipConstantExpression();
                break;
            case 1:
                break;
            case 2:
                ReadU32();
                SkipConstantExpression();
                break;
            default:
                throw new FormatException($"unknown data segment kind {flags}");
        }
        SkipBytes(ReadCount());
    }

    private void ReadFunctionBody()
    {
        uint size = ReadU32();
        if (size == 0 || size > (uint)(_limit - _position))
        {
            throw new FormatException($"a function body of {size} bytes at offset {_position} does not fit in the code section");
        }
        int sectionLimit = _limit;
        int end = _position + (int)size;
        _limit = end;

        uint declarations = ReadCount();
        ulong locals = 0;
        for (uint i = 0; i < declarations; i++)
        {
            locals += ReadU32();
            ReadByte();
            if (locals > MaxLocals)
            {
                throw new FormatException($"a function at offset {end - (int)size} declares more than {MaxLocals} locals");
            }
        }

        _bodyUnbounded = false;
        _bodyCalls?.Clear();
        ScanInstructions(end);
        _bodies!.Add(new FunctionBodyShape((int)size, _bodyUnbounded, _bodyCalls is { Count: > 0 } calls ? [.. calls] : []));
        _limit = sectionLimit;
    }

    /// <summary>
    /// Walks a function body's instructions to check every branch target. WAMR 1.1.2 checks a
    /// branch's label depth as <c>label_count &lt; depth + 1</c> in 32 bits, so a depth of
    /// 2^32 - 1 passes and its loader reads outside its control stack (a segfault found by
    /// fuzzing). The rest of the validation (types, stack, indexes) is WAMR's. Opcodes outside
    /// what the runtime's WAMR build accepts (SIMD, atomics, exceptions, tail calls) are refused
    /// here as WAMR would refuse them.
    /// </summary>
    private void ScanInstructions(int end)
    {
        int bodyStart = _position;
        uint labels = 1; // The function's own block, which the final `end` closes.
        while (true)
        {
            byte opcode = ReadByte();
            switch (opcode)
            {
                case 0x03: // loop
                    _bodyUnbounded = true;
                    SkipBlockType();
                    labels++;
                    break;
                case 0x02: // block
                case 0x04: // if
                    SkipBlockType();
                    labels++;
                    break;
                case OpcodeEnd:
                    if (--labels == 0)
                    {
                        if (_position != end)
                        {
                            throw new FormatException($"the function body at offset {bodyStart} has instructions after its final end");
                        }
                        return;
                    }
                    break;
                case 0x0C: // br
                case 0x0D: // br_if
                    CheckLabel(ReadU32(), labels);
                    break;
                case 0x0E: // br_table: the targets, then the default
                    uint targets = ReadCount();
                    for (uint i = 0; i <= targets; i++)
                    {
                        CheckLabel(ReadU32(), labels);
                    }
                    break;
                case 0x10: // call
                    (_bodyCalls ??= []).Add(ReadU32());
                    break;
                case 0x40: // memory.grow: WAMR may move the whole memory
                    _bodyUnbounded = true;
                    ReadU32();
                    break;
                case >= 0x20 and <= 0x26: // local.get/set/tee, global.get/set, table.get/set
                case 0x3F: // memory.size
                case 0xD2: // ref.func
                    ReadU32();
                    break;
                case 0x11: // call_indirect: type index, table index
                    _bodyUnbounded = true;
                    ReadU32();
                    ReadU32();
                    break;
                case >= 0x28 and <= 0x3E: // loads and stores: alignment, offset
                    ReadU32();
                    ReadU32();
                    break;
                case 0x1C: // select with types
                    SkipBytes(ReadCount());
                    break;
                case >= 0x41 and <= 0x44:
                case 0xD0:
                    SkipConstant(opcode);
                    break;
                case 0xFC:
                    SkipMiscImmediates();
                    break;
                case 0x00 or 0x01 or 0x05 or 0x0F or 0x1A or 0x1B or 0xD1:
                case >= 0x45 and <= 0xC4:
                    // unreachable, nop, else, return, drop, select, ref.is_null, numeric operators:
                    // no immediates.
                    break;
                default:
                    throw new FormatException($"opcode 0x{opcode:x2} at offset {_position - 1} is not supported by the WitHost runtime's WAMR build");
            }
        }
    }

    // The 0xFC prefix: saturating truncations, bulk memory and table instructions.
    private void SkipMiscImmediates()
    {
        uint subOpcode = ReadU32();
        if (subOpcode <= 7)
        {
            // Saturating truncations.
            return;
        }
        // The bulk instructions copy, fill or grow ranges as long as their operands say.
        _bodyUnbounded = true;
        switch (subOpcode)
        {
            case 8 or 10 or 12 or 14: // memory.init, memory.copy, table.init, table.copy
                ReadU32();
                ReadU32();
                break;
            case 9 or 11 or 13 or 15 or 16 or 17: // data.drop, memory.fill, elem.drop, table.grow/size/fill
                ReadU32();
                break;
            default:
                throw new FormatException($"opcode 0xfc {subOpcode} at offset {_position} is not supported by the WitHost runtime's WAMR build");
        }
    }

    private void SkipBlockType()
    {
        // 0x40 (no result) or a value type is one byte; otherwise a type index as a signed LEB128.
        if (_position < _limit && _bytes[_position] is 0x40 or 0x7F or 0x7E or 0x7D or 0x7C or 0x7B or 0x70 or 0x6F)
        {
            _position++;
            return;
        }
        SkipLeb128(5);
    }

    private void CheckLabel(uint depth, uint labels)
    {
        if (depth >= labels)
        {
            throw new FormatException($"a branch at offset {_position} targets label {depth}, but only {labels} enclose it");
        }
    }

    // A constant expression: the instructions WAMR 1.1.2 accepts there, up to `end`.
    private void SkipConstantExpression()
    {
        while (true)
        {
            byte opcode = ReadByte();
            switch (opcode)
            {
                case OpcodeEnd:
                    return;
                case >= 0x41 and <= 0x44:
                case 0xD0:
                    SkipConstant(opcode);
                    break;
                case 0x23: // global.get
                case 0xD2: // ref.func
                    ReadU32();
                    break;
                default:
                    throw new FormatException($"instruction 0x{opcode:x2} at offset {_position - 1} is not allowed in a constant expression");
            }
        }
    }

    // The immediate of i32.const, i64.const, f32.const, f64.const or ref.null.
    private void SkipConstant(byte opcode)
    {
        switch (opcode)
        {
            case 0x41:
                SkipLeb128(5);
                break;
            case 0x42:
                SkipLeb128(10);
                break;
            case 0x43:
                SkipBytes(4);
                break;
            case 0x44:
                SkipBytes(8);
                break;
            default:
                ReadByte();
                break;
        }
    }

    private ImmutableArray<WasmValueKind> ReadValueTypes()
    {
        uint count = ReadCount();
        var kinds = ImmutableArray.CreateBuilder<WasmValueKind>((int)count);
        for (int i = 0; i < count; i++)
        {
            byte code = ReadByte();
            kinds.Add(code switch
            {
                0x7F => WasmValueKind.I32,
                0x7E => WasmValueKind.I64,
                0x7D => WasmValueKind.F32,
                0x7C => WasmValueKind.F64,
                _ => throw new FormatException($"value type 0x{code:x2} is not supported by the WitHost runtime"),
            });
        }
        return kinds.MoveToImmutable();
    }

    private MemoryLimits ReadLimits()
    {
        byte flags = ReadByte();
        uint min = ReadU32();
        uint? max = (flags & 1) != 0 ? ReadU32() : null;
        return new MemoryLimits(min, max);
    }

    private string ReadName()
    {
        uint length = ReadU32();
        if (length > (uint)(_limit - _position))
        {
            throw new FormatException($"a name of {length} bytes at offset {_position} runs past the end of its section");
        }
        string name = Encoding.UTF8.GetString(_bytes.Slice(_position, (int)length));
        _position += (int)length;
        return name;
    }

    private void SkipBytes(uint count)
    {
        if (count > (uint)(_limit - _position))
        {
            throw new FormatException($"{count} bytes at offset {_position} run past the end of their section");
        }
        _position += (int)count;
    }

    private byte ReadByte()
    {
        if (_position >= _limit)
        {
            throw new FormatException(_limit == _bytes.Length
                ? "unexpected end of the module"
                : $"unexpected end of the section at offset {_position}");
        }
        return _bytes[_position++];
    }

    private uint ReadU32()
    {
        uint result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if (shift == 28 && b > 0x0F)
                {
                    throw new FormatException($"LEB128 integer at offset {_position - 5} is larger than 32 bits");
                }
                return result;
            }
        }
        throw new FormatException($"malformed LEB128 integer at offset {_position - 5}");
    }

    private void SkipLeb128(int maxBytes)
    {
        for (int i = 0; i < maxBytes; i++)
        {
            if ((ReadByte() & 0x80) == 0)
            {
                return;
            }
        }
        throw new FormatException($"malformed LEB128 integer at offset {_position - maxBytes}");
    }
}
