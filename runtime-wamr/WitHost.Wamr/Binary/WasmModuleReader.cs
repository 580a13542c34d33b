using System.Collections.Immutable;
using System.Text;

namespace WitHost.Wamr.Binary;

/// <summary>
/// Reads the few sections of a core wasm binary the runtime needs before loading it: types,
/// imports, functions, memory and exports.
/// </summary>
/// <remarks>
/// WAMR resolves host functions while it loads a module and offers no API to list a module's
/// imports first, and the BCL has no wasm reader; so this small reader exists. It does not
/// validate the module (WAMR does); on malformed input it throws <see cref="FormatException"/>
/// and never reads outside the buffer.
/// </remarks>
internal ref struct WasmModuleReader
{
    private const byte SectionType = 1;
    private const byte SectionImport = 2;
    private const byte SectionFunction = 3;
    private const byte SectionMemory = 5;
    private const byte SectionExport = 7;

    private readonly ReadOnlySpan<byte> _bytes;
    private int _position;

    private WasmModuleReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _position = 0;
    }

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
        if (_bytes[4] != 1 || _bytes[5] != 0 || _bytes[6] != 0 || _bytes[7] != 0)
        {
            throw new FormatException("not a core WebAssembly module (version is not 1)");
        }
        _position = 8;

        var types = new List<FunctionType>();
        var imports = new List<ModuleImport>();
        var functions = new List<FunctionType>();
        var exports = new List<ModuleExport>();
        MemoryLimits? memory = null;
        MemorySectionLocation? memorySection = null;
        bool importsMemory = false;

        while (_position < _bytes.Length)
        {
            int sectionStart = _position;
            byte id = ReadByte();
            int size = (int)ReadU32();
            int end = checked(_position + size);
            if (end > _bytes.Length)
            {
                throw new FormatException($"section {id} runs past the end of the module");
            }

            switch (id)
            {
                case SectionType:
                    ReadTypes(types);
                    break;
                case SectionImport:
                    importsMemory = ReadImports(types, imports);
                    break;
                case SectionFunction:
                    ReadFunctions(types, functions);
                    break;
                case SectionMemory:
                    uint count = ReadU32();
                    if (count > 0)
                    {
                        int limitsStart = _position;
                        memory = ReadLimits();
                        memorySection = new MemorySectionLocation(sectionStart, limitsStart, _position, end, count);
                    }
                    break;
                case SectionExport:
                    ReadExports(imports, functions, exports);
                    break;
            }
            _position = end;
        }

        return new WasmModuleInfo(imports, exports, memory, memorySection, importsMemory);
    }

    private void ReadTypes(List<FunctionType> types)
    {
        uint count = ReadU32();
        for (uint i = 0; i < count; i++)
        {
            if (ReadByte() != 0x60)
            {
                throw new FormatException("malformed function type");
            }
            types.Add(new FunctionType(ReadValueTypes(), ReadValueTypes()));
        }
    }

    private bool ReadImports(List<FunctionType> types, List<ModuleImport> imports)
    {
        bool importsMemory = false;
        uint count = ReadU32();
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
                    ReadByte();
                    ReadLimits();
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
        uint count = ReadU32();
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

    private void ReadExports(List<ModuleImport> imports, List<FunctionType> functions, List<ModuleExport> exports)
    {
        uint count = ReadU32();
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
            }
            exports.Add(new ModuleExport(name, (ModuleExportKind)kind, type));
        }
    }

    private ImmutableArray<WasmValueKind> ReadValueTypes()
    {
        uint count = ReadU32();
        if (count > (uint)(_bytes.Length - _position))
        {
            throw new FormatException("value type list runs past the end of the module");
        }
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
        int length = (int)ReadU32();
        if (length < 0 || length > _bytes.Length - _position)
        {
            throw new FormatException("name runs past the end of the module");
        }
        string name = Encoding.UTF8.GetString(_bytes.Slice(_position, length));
        _position += length;
        return name;
    }

    private byte ReadByte()
    {
        if (_position >= _bytes.Length)
        {
            throw new FormatException("unexpected end of the module");
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
                return result;
            }
        }
        throw new FormatException("malformed LEB128 integer");
    }
}
