using WitHost.Wamr.Binary;
using WitHost.Wit.Binary;

namespace WitHost.Wamr.Components;

/// <summary>
/// Reads a <see cref="CoreModuleShape"/> from a core module embedded in a component, with the
/// same bounded reader as the component (every malformed input is a
/// <see cref="ComponentFormatException"/>). WAMR validates the main module itself when it loads
/// it; the other modules are only read, never run.
/// </summary>
internal static class CoreModuleShapeReader
{
    public static CoreModuleShape Read(CoreModuleSlice module)
    {
        try
        {
            return ReadCore(module.Bytes);
        }
        catch (ComponentFormatException e)
        {
            // Offsets inside the module are relative to it; report them in the component.
            throw new ComponentFormatException($"in the core module at offset {module.Offset}: {e.Reason}", module.Offset + e.Offset);
        }
    }

    private static CoreModuleShape ReadCore(byte[] bytes)
    {
        var reader = new WasmBinaryReader(bytes);
        reader.Skip(8, "module preamble");
        var typeParameterCounts = new List<int>();
        var imports = new List<CoreImportEntry>();
        var exports = new List<CoreExportEntry>();
        var tableSlots = new Dictionary<uint, uint>();
        var forwarders = new Dictionary<uint, uint>();
        var functionTypes = new List<uint>();

        while (!reader.AtEnd)
        {
            byte id = reader.ReadByte("section id");
            uint size = reader.ReadU32("section size");
            WasmBinaryReader section = reader.ReadRegion(size, $"core section {id}");
            switch (id)
            {
                case CoreSectionId.Type:
                    ReadTypes(section, typeParameterCounts);
                    break;
                case CoreSectionId.Import:
                    ReadImports(section, imports);
                    break;
                case CoreSectionId.Function:
                {
                    int count = section.ReadCount("function section");
                    for (int i = 0; i < count; i++)
                    {
                        functionTypes.Add(section.ReadU32("function type index"));
                    }
                    break;
                }
                case CoreSectionId.Export:
                {
                    int count = section.ReadCount("export section");
                    for (int i = 0; i < count; i++)
                    {
                        string name = section.ReadName("export name");
                        int kindAt = section.Position;
                        byte kind = section.ReadByte("export kind");
                        if (kind > 4)
                        {
                            throw section.Error($"unknown export kind 0x{kind:x2}", kindAt);
                        }
                        exports.Add(new CoreExportEntry(name, (CoreItemKind)kind, section.ReadU32("export index")));
                    }
                    break;
                }
                case CoreSectionId.Element:
                    ReadElements(section, tableSlots);
                    break;
                case CoreSectionId.Code:
                {
                    uint firstDefined = (uint)imports.Count(i => i.Kind == CoreItemKind.Func);
                    int count = section.ReadCount("code section");
                    for (int i = 0; i < count; i++)
                    {
                        uint bodySize = section.ReadU32("function body size");
                        WasmBinaryReader body = section.ReadRegion(bodySize, "function body");
                        int parameters = i < functionTypes.Count && functionTypes[i] < typeParameterCounts.Count
                            ? typeParameterCounts[(int)functionTypes[i]]
                            : -1;
                        if (ForwardedSlot(body, parameters) is { } slot)
                        {
                            forwarders[firstDefined + (uint)i] = slot;
                        }
                    }
                    break;
                }
                default:
                    // Other sections are skipped: nothing in them decides how a component is wired.
                    section.Skip(section.Remaining, "section");
                    break;
            }
        }
        return new CoreModuleShape(imports, exports, tableSlots, forwarders);
    }

    private static void ReadTypes(WasmBinaryReader section, List<int> parameterCounts)
    {
        int count = section.ReadCount("type section");
        for (int i = 0; i < count; i++)
        {
            int at = section.Position;
            if (section.ReadByte("function type") != CoreSectionId.FunctionTypeForm)
            {
                // Not a plain function type (GC types): no forwarder can use it.
                throw section.Error("only function types are supported in the type section", at);
            }
            int parameters = section.ReadCount("parameter types");
            section.Skip(parameters, "parameter types");
            int results = section.ReadCount("result types");
            section.Skip(results, "result types");
            parameterCounts.Add(parameters);
        }
    }

    private static void ReadImports(WasmBinaryReader section, List<CoreImportEntry> imports)
    {
        int count = section.ReadCount("import section");
        for (int i = 0; i < count; i++)
        {
            string module = section.ReadName("import module");
            string name = section.ReadName("import name");
            int kindAt = section.Position;
            byte kind = section.ReadByte("import kind");
            switch (kind)
            {
                case 0x00:
                    section.ReadU32("import type index");
                    break;
                case 0x01:
                    section.ReadByte("table element type");
                    ReadLimits(section);
                    break;
                case 0x02:
                    ReadLimits(section);
                    break;
                case 0x03:
                    section.ReadByte("global type");
                    section.ReadByte("global mutability");
                    break;
                case 0x04:
                    section.ReadByte("tag attribute");
                    section.ReadU32("tag type");
                    break;
                default:
                    throw section.Error($"unknown import kind 0x{kind:x2}", kindAt);
            }
            imports.Add(new CoreImportEntry(module, name, (CoreItemKind)kind));
        }
    }

    private static void ReadLimits(WasmBinaryReader section)
    {
        int at = section.Position;
        byte flags = section.ReadByte("limits");
        if (flags > 0x07)
        {
            throw section.Error($"unknown limits flags 0x{flags:x2}", at);
        }
        section.ReadU32("limits minimum");
        if ((flags & 1) != 0)
        {
            section.ReadU32("limits maximum");
        }
    }

    /// <summary>
    /// Active segments of table 0 with an <c>i32.const</c> offset and function indexes (flags 0
    /// and 2, element kind funcref): slot → function. Other segments fill nothing a component's
    /// wiring depends on, so reading stops at the first one (the fixup module has one segment).
    /// </summary>
    private static void ReadElements(WasmBinaryReader section, Dictionary<uint, uint> slots)
    {
        int count = section.ReadCount("element section");
        for (int i = 0; i < count; i++)
        {
            uint flags = section.ReadU32("element segment flags");
            if (flags is not (0 or 2))
            {
                section.Skip(section.Remaining, "element section");
                return;
            }
            if (flags == 2 && section.ReadU32("element table index") != 0)
            {
                section.Skip(section.Remaining, "element section");
                return;
            }
            int offsetAt = section.Position;
            if (section.ReadByte("element offset") != 0x41)
            {
                throw section.Error("element segment offset: only i32.const is supported", offsetAt);
            }
            int offset = section.ReadS32("element offset");
            if (section.ReadByte("element offset") != 0x0b)
            {
                throw section.Error("element segment offset: expected end after i32.const", offsetAt);
            }
            if (flags == 2 && section.ReadByte("element kind") != 0x00)
            {
                section.Skip(section.Remaining, "element section");
                return;
            }
            int functions = section.ReadCount("element functions");
            for (int f = 0; f < functions; f++)
            {
                uint function = section.ReadU32("element function index");
                slots[unchecked((uint)offset + (uint)f)] = function;
            }
        }
    }

    /// <summary>
    /// The table slot a function body forwards to, when the body is exactly
    /// <c>local.get 0 … local.get n-1, i32.const slot, call_indirect type 0, end</c> with no locals
    /// (wit-component's shim functions); otherwise null.
    /// </summary>
    private static uint? ForwardedSlot(WasmBinaryReader body, int parameters)
    {
        if (body.ReadU32("local declarations") != 0)
        {
            return null;
        }
        for (uint local = 0; local < (uint)Math.Max(parameters, 0); local++)
        {
            if (body.ReadByte("instruction") != 0x20 || body.ReadU32("local index") != local)
            {
                return null;
            }
        }
        if (body.ReadByte("instruction") != 0x41)
        {
            return null;
        }
        int slot = body.ReadS32("i32.const");
        if (body.ReadByte("instruction") != 0x11)
        {
            return null;
        }
        body.ReadU32("call_indirect type");
        if (body.ReadU32("call_indirect table") != 0 || body.ReadByte("instruction") != 0x0b || !body.AtEnd || slot < 0)
        {
            return null;
        }
        return (uint)slot;
    }
}
