namespace WitHost.Wit.Binary;

/// <summary>
/// Reads a component binary (the component model's Binary.md, version 0x0d) into a
/// <see cref="ComponentBinary"/>: every section, with bounds-checked reading and index checks.
/// </summary>
/// <remarks>
/// Any malformed input is a <see cref="ComponentFormatException"/> naming the problem and its
/// offset, read in time and memory linear in the input: truncated input, sizes or counts past the
/// end, overlong or overflowing LEB128 integers, a preamble that lies about its layer, references
/// to items not yet defined (definitions are ordered: an item can only be used after the section
/// that defines it), unknown opcodes. Nesting (components, instance and component types) is
/// limited to <see cref="MaxNesting"/> levels.
/// </remarks>
public static class ComponentBinaryReader
{
    /// <summary>How deep components and type declarations may nest.</summary>
    public const int MaxNesting = 32;

    private const byte SectionCustom = 0;
    private const byte SectionCoreModule = 1;
    private const byte SectionCoreInstance = 2;
    private const byte SectionCoreType = 3;
    private const byte SectionComponent = 4;
    private const byte SectionInstance = 5;
    private const byte SectionAlias = 6;
    private const byte SectionType = 7;
    private const byte SectionCanon = 8;
    private const byte SectionStart = 9;
    private const byte SectionImport = 10;
    private const byte SectionExport = 11;

    /// <summary>Reads a whole component binary.</summary>
    /// <exception cref="ComponentFormatException">The bytes are not a well-formed component.</exception>
    public static ComponentBinary Read(byte[] bytes)
    {
        if (WasmPreamble.Detect(bytes) != WasmBinaryKind.Component)
        {
            throw new ComponentFormatException("a core module, not a component", 0);
        }
        var reader = new WasmBinaryReader(bytes);
        reader.Skip(8, "preamble");
        return ReadComponent(reader, null, 0, 0);
    }

    private static ComponentBinary ReadComponent(WasmBinaryReader reader, ComponentBinary? parent, int start, int depth)
    {
        var component = new ComponentBinary(parent, start);
        while (!reader.AtEnd)
        {
            int sectionStart = reader.Position;
            byte id = reader.ReadByte("section id");
            uint size = reader.ReadU32("section size");
            WasmBinaryReader section = reader.ReadRegion(size, $"section {id}");
            switch (id)
            {
                case SectionCustom:
                    string name = section.ReadName("custom section name");
                    int contentStart = section.Position;
                    section.Skip(section.Remaining, "custom section");
                    component.CustomSections.Add(new CustomSection(name, section.CopyFrom(contentStart), sectionStart));
                    break;
                case SectionCoreModule:
                    ReadCoreModule(section, component);
                    break;
                case SectionCoreInstance:
                    ReadVector(section, "core instance section", () => ReadCoreInstance(section, component));
                    break;
                case SectionCoreType:
                    ReadVector(section, "core type section", () =>
                    {
                        SkipCoreType(section, depth);
                        component.Add(ComponentSort.CoreType, ComponentItemOrigin.CoreType, -1);
                    });
                    break;
                case SectionComponent:
                    ReadNestedComponent(section, component, depth);
                    break;
                case SectionInstance:
                    ReadVector(section, "instance section", () => ReadInstance(section, component));
                    break;
                case SectionAlias:
                    ReadVector(section, "alias section", () =>
                    {
                        ComponentAlias alias = ReadAlias(section, component, depth);
                        component.Aliases.Add(alias);
                        component.Add(alias.Sort, ComponentItemOrigin.Alias, component.Aliases.Count - 1);
                    });
                    break;
                case SectionType:
                    ReadVector(section, "type section", () =>
                    {
                        component.Types.Add(ReadTypeDefinition(section, component.Count(ComponentSort.Type), depth));
                        component.Add(ComponentSort.Type, ComponentItemOrigin.Type, component.Types.Count - 1);
                    });
                    break;
                case SectionCanon:
                    ReadVector(section, "canon section", () => ReadCanon(section, component));
                    break;
                case SectionStart:
                    component.HasStart = true;
                    section.Skip(section.Remaining, "start section");
                    break;
                case SectionImport:
                    ReadVector(section, "import section", () =>
                    {
                        int at = section.Position;
                        string importName = ReadExternName(section, "import name");
                        ComponentExternDescription description = ReadExternDescription(section, component.Count(ComponentSort.Type), component.Count(ComponentSort.CoreType));
                        component.Imports.Add(new ComponentImport(importName, description, at));
                        component.Add(description.Sort, ComponentItemOrigin.Import, component.Imports.Count - 1);
                    });
                    break;
                case SectionExport:
                    ReadVector(section, "export section", () => ReadExport(section, component));
                    break;
                default:
                    throw reader.Error($"unknown component section id {id}", sectionStart);
            }
            section.ExpectEnd($"section {id}");
        }
        return component;
    }

    private static void ReadVector(WasmBinaryReader reader, string what, Action readItem)
    {
        int count = reader.ReadCount(what);
        for (int i = 0; i < count; i++)
        {
            readItem();
        }
    }

    private static void ReadCoreModule(WasmBinaryReader section, ComponentBinary component)
    {
        int start = section.Position;
        if (section.Remaining < 8)
        {
            throw section.Error("core module section: shorter than a module preamble");
        }
        byte[] bytes = section.Bytes;
        if (bytes[start] != 0 || bytes[start + 1] != (byte)'a' || bytes[start + 2] != (byte)'s' || bytes[start + 3] != (byte)'m'
            || bytes[start + 4] != 1 || bytes[start + 5] != 0 || bytes[start + 6] != 0 || bytes[start + 7] != 0)
        {
            throw section.Error("core module section: does not hold a core module (bad preamble)");
        }
        section.Skip(section.Remaining, "core module");
        component.CoreModules.Add(new CoreModuleSlice(section.CopyFrom(start), start));
        component.Add(ComponentSort.CoreModule, ComponentItemOrigin.CoreModule, component.CoreModules.Count - 1);
    }

    private static void ReadNestedComponent(WasmBinaryReader section, ComponentBinary component, int depth)
    {
        int start = section.Position;
        if (depth + 1 > MaxNesting)
        {
            throw section.Error($"components nest deeper than {MaxNesting} levels");
        }
        if (section.Remaining < 8)
        {
            throw section.Error("component section: shorter than a component preamble");
        }
        byte[] bytes = section.Bytes;
        if (bytes[start] != 0 || bytes[start + 1] != (byte)'a' || bytes[start + 2] != (byte)'s' || bytes[start + 3] != (byte)'m'
            || bytes[start + 4] != WasmPreamble.ComponentVersion || bytes[start + 5] != 0 || bytes[start + 6] != 1 || bytes[start + 7] != 0)
        {
            throw section.Error("component section: does not hold a component (bad preamble)");
        }
        section.Skip(8, "component preamble");
        component.Components.Add(ReadComponent(section, component, start, depth + 1));
        component.Add(ComponentSort.Component, ComponentItemOrigin.Component, component.Components.Count - 1);
    }

    private static void ReadCoreInstance(WasmBinaryReader reader, ComponentBinary component)
    {
        int at = reader.Position;
        byte kind = reader.ReadByte("core instance");
        if (kind == 0x00)
        {
            uint module = ReadIndex(reader, component, ComponentSort.CoreModule);
            var arguments = new List<ComponentSortIndex>();
            ReadVector(reader, "core instantiation arguments", () =>
            {
                string name = reader.ReadName("core instantiation argument");
                int sortAt = reader.Position;
                if (reader.ReadByte("core instantiation argument") != 0x12)
                {
                    throw reader.Error("core instantiation argument: only instances can be passed", sortAt);
                }
                arguments.Add(new ComponentSortIndex(name, ComponentSort.CoreInstance, ReadIndex(reader, component, ComponentSort.CoreInstance)));
            });
            component.CoreInstances.Add(new CoreInstanceDefinition(module, arguments, [], at));
        }
        else if (kind == 0x01)
        {
            var exports = new List<ComponentSortIndex>();
            ReadVector(reader, "core instance exports", () =>
            {
                string name = reader.ReadName("core export name");
                ComponentSort sort = ComponentSortFacts.ReadCoreSort(reader);
                exports.Add(new ComponentSortIndex(name, sort, ReadIndex(reader, component, sort)));
            });
            component.CoreInstances.Add(new CoreInstanceDefinition(null, [], exports, at));
        }
        else
        {
            throw reader.Error($"unknown core instance kind 0x{kind:x2}", at);
        }
        component.Add(ComponentSort.CoreInstance, ComponentItemOrigin.CoreInstance, component.CoreInstances.Count - 1);
    }

    private static void ReadInstance(WasmBinaryReader reader, ComponentBinary component)
    {
        int at = reader.Position;
        byte kind = reader.ReadByte("instance");
        if (kind == 0x00)
        {
            uint instantiated = ReadIndex(reader, component, ComponentSort.Component);
            var arguments = new List<ComponentSortIndex>();
            ReadVector(reader, "instantiation arguments", () =>
            {
                string name = reader.ReadName("instantiation argument");
                ComponentSort sort = ComponentSortFacts.ReadSort(reader);
                arguments.Add(new ComponentSortIndex(name, sort, ReadIndex(reader, component, sort)));
            });
            component.Instances.Add(new ComponentInstanceDefinition(instantiated, arguments, [], at));
        }
        else if (kind == 0x01)
        {
            var exports = new List<ComponentSortIndex>();
            ReadVector(reader, "instance exports", () =>
            {
                string name = ReadExternName(reader, "instance export name");
                ComponentSort sort = ComponentSortFacts.ReadSort(reader);
                exports.Add(new ComponentSortIndex(name, sort, ReadIndex(reader, component, sort)));
            });
            component.Instances.Add(new ComponentInstanceDefinition(null, [], exports, at));
        }
        else
        {
            throw reader.Error($"unknown instance kind 0x{kind:x2}", at);
        }
        component.Add(ComponentSort.Instance, ComponentItemOrigin.Instance, component.Instances.Count - 1);
    }

    private static ComponentAlias ReadAlias(WasmBinaryReader reader, ComponentBinary component, int depth)
    {
        ComponentSort sort = ComponentSortFacts.ReadSort(reader);
        int at = reader.Position;
        byte target = reader.ReadByte("alias target");
        switch (target)
        {
            case 0x00:
            {
                if (sort <= ComponentSort.CoreInstance)
                {
                    throw reader.Error($"alias of a {ComponentSortFacts.Describe(sort)} from a component instance", at);
                }
                uint instance = ReadIndex(reader, component, ComponentSort.Instance);
                return new ComponentAlias(sort, ComponentAliasTarget.InstanceExport, instance, reader.ReadName("alias export name"), 0, 0);
            }
            case 0x01:
            {
                if (sort > ComponentSort.CoreInstance)
                {
                    throw reader.Error($"alias of a {ComponentSortFacts.Describe(sort)} from a core instance", at);
                }
                uint instance = ReadIndex(reader, component, ComponentSort.CoreInstance);
                return new ComponentAlias(sort, ComponentAliasTarget.CoreInstanceExport, instance, reader.ReadName("alias core export name"), 0, 0);
            }
            case 0x02:
            {
                uint count = reader.ReadU32("outer alias count");
                int indexAt = reader.Position;
                uint index = reader.ReadU32("outer alias index");
                ComponentBinary? outer = component;
                for (uint i = 0; i < count && outer is not null; i++)
                {
                    outer = outer.Parent;
                }
                if (outer is null)
                {
                    throw reader.Error($"outer alias reaches {count} components out, but only {depth} enclose this one", at);
                }
                if (index >= outer.Count(sort))
                {
                    throw reader.Error($"outer alias refers to {ComponentSortFacts.Describe(sort)} {index}, but the enclosing component defines {outer.Count(sort)} so far", indexAt);
                }
                return new ComponentAlias(sort, ComponentAliasTarget.Outer, 0, "", count, index);
            }
            default:
                throw reader.Error($"unknown alias target 0x{target:x2}", at);
        }
    }

    private static void ReadCanon(WasmBinaryReader reader, ComponentBinary component)
    {
        int at = reader.Position;
        byte opcode = reader.ReadByte("canon");
        CanonicalFunction canon;
        switch (opcode)
        {
            case 0x00:
            {
                ExpectFuncSort(reader);
                uint core = ReadIndex(reader, component, ComponentSort.CoreFunc);
                CanonicalOptionList options = ReadCanonOptions(reader, component);
                uint type = ReadIndex(reader, component, ComponentSort.Type);
                canon = new CanonicalFunction(CanonicalFunctionKind.Lift, core, type, options, opcode, at);
                break;
            }
            case 0x01:
            {
                ExpectFuncSort(reader);
                uint function = ReadIndex(reader, component, ComponentSort.Func);
                canon = new CanonicalFunction(CanonicalFunctionKind.Lower, function, 0, ReadCanonOptions(reader, component), opcode, at);
                break;
            }
            case 0x02:
            case 0x03:
            case 0x04:
            case 0x07:
            {
                CanonicalFunctionKind kind = opcode switch
                {
                    0x02 => CanonicalFunctionKind.ResourceNew,
                    0x04 => CanonicalFunctionKind.ResourceRep,
                    _ => CanonicalFunctionKind.ResourceDrop,
                };
                if (opcode == 0x07)
                {
                    throw reader.Error("canon resource.drop async (the async ABI) is not supported", at);
                }
                canon = new CanonicalFunction(kind, 0, ReadIndex(reader, component, ComponentSort.Type), null, opcode, at);
                break;
            }
            default:
                canon = ReadBuiltin(reader, component, opcode, at);
                break;
        }
        component.Canons.Add(canon);
        component.Add(canon.Sort, ComponentItemOrigin.Canon, component.Canons.Count - 1);
    }

    /// <summary>An async or thread built-in: its immediates as Binary.md's canon definitions give them.</summary>
    private static CanonicalFunction ReadBuiltin(WasmBinaryReader reader, ComponentBinary component, byte opcode, int at)
    {
        CanonicalFunction Builtin(uint type = 0, CanonicalOptionList? options = null, bool flag = false, uint slot = 0) =>
            new(CanonicalFunctionKind.Other, 0, type, options, opcode, at) { Flag = flag, Slot = slot };
        uint Type() => ReadIndex(reader, component, ComponentSort.Type);
        bool Flag(string what)
        {
            int flagAt = reader.Position;
            return reader.ReadByte(what) switch
            {
                0x00 => false,
                0x01 => true,
                byte other => throw reader.Error($"{what}: expected 0x00 or 0x01, found 0x{other:x2}", flagAt),
            };
        }

        switch ((CanonicalBuiltin)opcode)
        {
            case CanonicalBuiltin.TaskCancel:
            case CanonicalBuiltin.BackpressureSet:
            case CanonicalBuiltin.SubtaskDrop:
            case CanonicalBuiltin.ErrorContextDrop:
            case CanonicalBuiltin.WaitableSetNew:
            case CanonicalBuiltin.WaitableSetDrop:
            case CanonicalBuiltin.WaitableJoin:
            case CanonicalBuiltin.BackpressureInc:
            case CanonicalBuiltin.BackpressureDec:
            case CanonicalBuiltin.ThreadIndex:
            case CanonicalBuiltin.ThreadResumeLater:
                return Builtin();
            case CanonicalBuiltin.SubtaskCancel:
                return Builtin(flag: Flag("canon subtask.cancel async"));
            case CanonicalBuiltin.ThreadYield:
            case CanonicalBuiltin.ThreadSuspend:
            case CanonicalBuiltin.ThreadSuspendThenResume:
            case CanonicalBuiltin.ThreadYieldThenResume:
            case CanonicalBuiltin.ThreadSuspendThenPromote:
            case CanonicalBuiltin.ThreadYieldThenPromote:
                return Builtin(flag: Flag("canon thread built-in cancellable"));
            case CanonicalBuiltin.TaskReturn:
            {
                int resultAt = reader.Position;
                byte resultKind = reader.ReadByte("task.return results");
                if (resultKind == 0x00)
                {
                    ReadValueType(reader, component.Count(ComponentSort.Type));
                }
                else if (resultKind != 0x01 || reader.ReadByte("task.return results") != 0x00)
                {
                    throw reader.Error("task.return results: expected one type or none", resultAt);
                }
                return Builtin(options: ReadCanonOptions(reader, component));
            }
            case CanonicalBuiltin.ContextGet:
            case CanonicalBuiltin.ContextSet:
            {
                int typeAt = reader.Position;
                if (reader.ReadByte("context type") != 0x7f)
                {
                    throw reader.Error("canon context.get/set: only i32 is defined", typeAt);
                }
                return Builtin(slot: reader.ReadU32("context slot"));
            }
            case CanonicalBuiltin.StreamNew:
            case CanonicalBuiltin.StreamDropReadable:
            case CanonicalBuiltin.StreamDropWritable:
            case CanonicalBuiltin.FutureNew:
            case CanonicalBuiltin.FutureDropReadable:
            case CanonicalBuiltin.FutureDropWritable:
                return Builtin(type: Type());
            case CanonicalBuiltin.StreamRead:
            case CanonicalBuiltin.StreamWrite:
            case CanonicalBuiltin.FutureRead:
            case CanonicalBuiltin.FutureWrite:
            {
                uint type = Type();
                return Builtin(type, ReadCanonOptions(reader, component));
            }
            case CanonicalBuiltin.StreamCancelRead:
            case CanonicalBuiltin.StreamCancelWrite:
            case CanonicalBuiltin.FutureCancelRead:
            case CanonicalBuiltin.FutureCancelWrite:
            {
                uint type = Type();
                return Builtin(type, flag: Flag("canon cancel async"));
            }
            case CanonicalBuiltin.ErrorContextNew:
            case CanonicalBuiltin.ErrorContextDebugMessage:
                return Builtin(options: ReadCanonOptions(reader, component));
            case CanonicalBuiltin.WaitableSetWait:
            case CanonicalBuiltin.WaitableSetPoll:
            {
                bool cancellable = Flag("canon waitable-set cancellable");
                uint memory = ReadIndex(reader, component, ComponentSort.CoreMemory);
                return Builtin(options: new CanonicalOptionList(CanonicalStringEncoding.Utf8, memory, null, null, false, null), flag: cancellable);
            }
            case CanonicalBuiltin.ThreadNewIndirect:
                reader.ReadU32("thread.new-indirect core type");
                reader.ReadU32("thread.new-indirect table");
                return Builtin();
            default:
                throw reader.Error($"unknown canon definition 0x{opcode:x2}", at);
        }
    }

    private static void ExpectFuncSort(WasmBinaryReader reader)
    {
        int at = reader.Position;
        if (reader.ReadByte("canon") != 0x00)
        {
            throw reader.Error("canon lift/lower: expected the func sort 0x00", at);
        }
    }

    private static CanonicalOptionList ReadCanonOptions(WasmBinaryReader reader, ComponentBinary component)
    {
        CanonicalStringEncoding? encoding = null;
        uint? memory = null, realloc = null, postReturn = null, callback = null;
        bool isAsync = false;
        ReadVector(reader, "canon options", () =>
        {
            int at = reader.Position;
            byte option = reader.ReadByte("canon option");
            switch (option)
            {
                case 0x00:
                case 0x01:
                case 0x02:
                    if (encoding is not null)
                    {
                        throw reader.Error("canon options: string-encoding given twice", at);
                    }
                    encoding = (CanonicalStringEncoding)option;
                    break;
                case 0x03:
                    memory = Once(memory, ReadIndex(reader, component, ComponentSort.CoreMemory), "memory", reader, at);
                    break;
                case 0x04:
                    realloc = Once(realloc, ReadIndex(reader, component, ComponentSort.CoreFunc), "realloc", reader, at);
                    break;
                case 0x05:
                    postReturn = Once(postReturn, ReadIndex(reader, component, ComponentSort.CoreFunc), "post-return", reader, at);
                    break;
                case 0x06:
                    isAsync = true;
                    break;
                case 0x07:
                    callback = Once(callback, ReadIndex(reader, component, ComponentSort.CoreFunc), "callback", reader, at);
                    break;
                default:
                    throw reader.Error($"unknown canon option 0x{option:x2}", at);
            }
        });
        return new CanonicalOptionList(encoding ?? CanonicalStringEncoding.Utf8, memory, realloc, postReturn, isAsync, callback);
    }

    private static uint Once(uint? previous, uint value, string option, WasmBinaryReader reader, int at) =>
        previous is null ? value : throw reader.Error($"canon options: {option} given twice", at);

    private static void ReadExport(WasmBinaryReader reader, ComponentBinary component)
    {
        int at = reader.Position;
        string name = ReadExternName(reader, "export name");
        ComponentSort sort = ComponentSortFacts.ReadSort(reader);
        uint index = ReadIndex(reader, component, sort);
        ComponentExternDescription? description = null;
        int optionAt = reader.Position;
        byte hasType = reader.ReadByte("export type");
        if (hasType == 0x01)
        {
            description = ReadExternDescription(reader, component.Count(ComponentSort.Type), component.Count(ComponentSort.CoreType));
        }
        else if (hasType != 0x00)
        {
            throw reader.Error($"export type: expected 0x00 or 0x01, found 0x{hasType:x2}", optionAt);
        }
        component.Exports.Add(new ComponentExport(name, sort, index, description, at));
        component.Add(sort, ComponentItemOrigin.Export, component.Exports.Count - 1);
    }

    /// <summary><c>importname'</c> / <c>exportname'</c>: 0x00 name, or 0x01 name and a version suffix.</summary>
    internal static string ReadExternName(WasmBinaryReader reader, string what)
    {
        int at = reader.Position;
        byte kind = reader.ReadByte(what);
        string name = reader.ReadName(what);
        if (kind == 0x01)
        {
            reader.ReadName($"{what} version suffix");
        }
        else if (kind != 0x00)
        {
            throw reader.Error($"{what}: unknown name kind 0x{kind:x2}", at);
        }
        return name;
    }

    /// <summary><c>externdesc</c> (its kinds follow the sort codes: 0x04 component, 0x05 instance), with type indexes checked against <paramref name="typeCount"/> types defined so far.</summary>
    internal static ComponentExternDescription ReadExternDescription(WasmBinaryReader reader, int typeCount, int coreTypeCount)
    {
        int at = reader.Position;
        byte kind = reader.ReadByte("extern description");
        switch (kind)
        {
            case 0x00:
            {
                if (reader.ReadByte("extern description") != 0x11)
                {
                    throw reader.Error("extern description: a core item other than a module", at);
                }
                return new ComponentExternDescription(ComponentSort.CoreModule, CheckedIndex(reader, coreTypeCount, "core type"), ComponentTypeBound.None);
            }
            case 0x01:
                return new ComponentExternDescription(ComponentSort.Func, CheckedIndex(reader, typeCount, "type"), ComponentTypeBound.None);
            case 0x02:
                throw reader.Error("value imports and exports are not supported", at);
            case 0x03:
            {
                int boundAt = reader.Position;
                byte bound = reader.ReadByte("type bound");
                return bound switch
                {
                    0x00 => new ComponentExternDescription(ComponentSort.Type, CheckedIndex(reader, typeCount, "type"), ComponentTypeBound.Equal),
                    0x01 => new ComponentExternDescription(ComponentSort.Type, 0, ComponentTypeBound.SubResource),
                    _ => throw reader.Error($"unknown type bound 0x{bound:x2}", boundAt),
                };
            }
            case 0x04:
                return new ComponentExternDescription(ComponentSort.Component, CheckedIndex(reader, typeCount, "type"), ComponentTypeBound.None);
            case 0x05:
                return new ComponentExternDescription(ComponentSort.Instance, CheckedIndex(reader, typeCount, "type"), ComponentTypeBound.None);
            default:
                throw reader.Error($"unknown extern description 0x{kind:x2}", at);
        }
    }

    private static uint CheckedIndex(WasmBinaryReader reader, int count, string what)
    {
        int at = reader.Position;
        uint index = reader.ReadU32(what + " index");
        if (index >= (uint)count)
        {
            throw reader.Error($"refers to {what} {index}, but only {count} are defined before it", at);
        }
        return index;
    }

    private static uint ReadIndex(WasmBinaryReader reader, ComponentBinary component, ComponentSort sort) =>
        CheckedIndex(reader, component.Count(sort), ComponentSortFacts.Describe(sort));

    // ---- Types ----

    /// <summary>A <c>type</c> (a defined value type, function, component, instance or resource type).</summary>
    internal static ComponentTypeDefinition ReadTypeDefinition(WasmBinaryReader reader, int typeCount, int depth)
    {
        int at = reader.Position;
        byte code = reader.ReadByte("type");
        switch (code)
        {
            case 0x40:
            case 0x43:
            {
                var parameters = ReadNamedValueTypes(reader, typeCount, "function parameters");
                int resultAt = reader.Position;
                byte resultKind = reader.ReadByte("function results");
                ComponentValueType? result = null;
                if (resultKind == 0x00)
                {
                    result = ReadValueType(reader, typeCount);
                }
                else if (resultKind != 0x01 || reader.ReadByte("function results") != 0x00)
                {
                    throw reader.Error("function results: expected one type or none (named results are not supported)", resultAt);
                }
                return new ComponentTypeDefinition(ComponentTypeKind.Function, at) { Fields = parameters, Element = result, Async = code == 0x43 };
            }
            case 0x41:
            case 0x42:
                return ReadDeclarations(reader, code == 0x41, at, depth);
            case 0x3f:
            case 0x3e:
            {
                int repAt = reader.Position;
                if (reader.ReadByte("resource representation") != 0x7f)
                {
                    throw reader.Error("resource representation: only i32 is defined", repAt);
                }
                uint? destructor = ReadOptionalU32(reader, "resource destructor");
                if (code == 0x3e)
                {
                    ReadOptionalU32(reader, "resource destructor callback");
                }
                return new ComponentTypeDefinition(ComponentTypeKind.Resource, at) { Destructor = destructor };
            }
            default:
                return ReadDefinedValueType(reader, code, at, typeCount);
        }
    }

    private static ComponentTypeDefinition ReadDefinedValueType(WasmBinaryReader reader, byte code, int at, int typeCount)
    {
        if (ComponentValueType.PrimitiveName(code) is not null)
        {
            return new ComponentTypeDefinition(ComponentTypeKind.Primitive, at) { Primitive = code };
        }
        switch (code)
        {
            case 0x72:
                return new ComponentTypeDefinition(ComponentTypeKind.Record, at) { Fields = ReadNamedValueTypes(reader, typeCount, "record fields") };
            case 0x71:
            {
                var cases = new List<ComponentNamedValueType>();
                ReadVector(reader, "variant cases", () =>
                {
                    string name = reader.ReadName("variant case");
                    ComponentValueType? payload = ReadOptionalValueType(reader, typeCount, "variant case payload");
                    int refinesAt = reader.Position;
                    if (reader.ReadByte("variant case") != 0x00)
                    {
                        throw reader.Error("variant case: 'refines' is not supported", refinesAt);
                    }
                    cases.Add(new ComponentNamedValueType(name, payload));
                });
                return new ComponentTypeDefinition(ComponentTypeKind.Variant, at) { Fields = cases };
            }
            case 0x70:
                return new ComponentTypeDefinition(ComponentTypeKind.List, at) { Element = ReadValueType(reader, typeCount) };
            case 0x67:
            {
                ComponentValueType element = ReadValueType(reader, typeCount);
                return new ComponentTypeDefinition(ComponentTypeKind.FixedSizeList, at) { Element = element, Length = reader.ReadU32("fixed-size list length") };
            }
            case 0x6f:
            {
                var members = new List<ComponentValueType>();
                ReadVector(reader, "tuple members", () => members.Add(ReadValueType(reader, typeCount)));
                return new ComponentTypeDefinition(ComponentTypeKind.Tuple, at) { Members = members };
            }
            case 0x6e:
            case 0x6d:
            {
                var names = new List<string>();
                ReadVector(reader, code == 0x6e ? "flags" : "enum cases", () => names.Add(reader.ReadName("label")));
                return new ComponentTypeDefinition(code == 0x6e ? ComponentTypeKind.Flags : ComponentTypeKind.Enum, at) { Names = names };
            }
            case 0x6b:
                return new ComponentTypeDefinition(ComponentTypeKind.Option, at) { Element = ReadValueType(reader, typeCount) };
            case 0x6a:
            {
                ComponentValueType? ok = ReadOptionalValueType(reader, typeCount, "result ok type");
                return new ComponentTypeDefinition(ComponentTypeKind.Result, at) { Element = ok, Error = ReadOptionalValueType(reader, typeCount, "result error type") };
            }
            case 0x69:
            case 0x68:
                return new ComponentTypeDefinition(code == 0x69 ? ComponentTypeKind.Own : ComponentTypeKind.Borrow, at) { Resource = CheckedIndex(reader, typeCount, "type") };
            case 0x66:
            case 0x65:
                return new ComponentTypeDefinition(code == 0x66 ? ComponentTypeKind.Stream : ComponentTypeKind.Future, at) { Element = ReadOptionalValueType(reader, typeCount, "payload") };
            case 0x63:
            {
                ComponentValueType key = ReadValueType(reader, typeCount);
                return new ComponentTypeDefinition(ComponentTypeKind.Map, at) { Element = key, Error = ReadValueType(reader, typeCount) };
            }
            default:
                throw reader.Error($"unknown type opcode 0x{code:x2}", at);
        }
    }

    private static ComponentTypeDefinition ReadDeclarations(WasmBinaryReader reader, bool isComponent, int at, int depth)
    {
        if (depth + 1 > MaxNesting)
        {
            throw reader.Error($"types nest deeper than {MaxNesting} levels", at);
        }
        var declarations = new List<ComponentTypeDeclaration>();
        // Each instance or component type starts with empty index spaces of its own.
        int types = 0, coreTypes = 0, instances = 0;
        ReadVector(reader, isComponent ? "component type" : "instance type", () =>
        {
            int declarationAt = reader.Position;
            byte kind = reader.ReadByte("declaration");
            switch (kind)
            {
                case 0x00:
                    SkipCoreType(reader, depth + 1);
                    coreTypes++;
                    declarations.Add(new ComponentTypeDeclaration(ComponentTypeDeclarationKind.CoreType, null, null, null, null));
                    break;
                case 0x01:
                    declarations.Add(new ComponentTypeDeclaration(ComponentTypeDeclarationKind.Type, ReadTypeDefinition(reader, types, depth + 1), null, null, null));
                    types++;
                    break;
                case 0x02:
                {
                    ComponentAlias alias = ReadDeclarationAlias(reader, instances);
                    declarations.Add(new ComponentTypeDeclaration(ComponentTypeDeclarationKind.Alias, null, alias, null, null));
                    if (alias.Sort == ComponentSort.Type)
                    {
                        types++;
                    }
                    else if (alias.Sort == ComponentSort.CoreType)
                    {
                        coreTypes++;
                    }
                    else if (alias.Sort == ComponentSort.Instance)
                    {
                        instances++;
                    }
                    break;
                }
                case 0x03 when isComponent:
                case 0x04:
                {
                    string name = ReadExternName(reader, kind == 0x03 ? "import name" : "export name");
                    ComponentExternDescription description = ReadExternDescription(reader, types, coreTypes);
                    declarations.Add(new ComponentTypeDeclaration(kind == 0x03 ? ComponentTypeDeclarationKind.Import : ComponentTypeDeclarationKind.Export, null, null, name, description));
                    if (description.Sort == ComponentSort.Type)
                    {
                        types++;
                    }
                    else if (description.Sort == ComponentSort.Instance)
                    {
                        instances++;
                    }
                    break;
                }
                default:
                    throw reader.Error($"unknown {(isComponent ? "component" : "instance")} type declaration 0x{kind:x2}", declarationAt);
            }
        });
        return new ComponentTypeDefinition(isComponent ? ComponentTypeKind.Component : ComponentTypeKind.Instance, at) { Declarations = declarations };
    }

    private static ComponentAlias ReadDeclarationAlias(WasmBinaryReader reader, int instances)
    {
        ComponentSort sort = ComponentSortFacts.ReadSort(reader);
        int at = reader.Position;
        byte target = reader.ReadByte("alias target");
        if (target == 0x02)
        {
            // Outer aliases are checked when the declarations are used (the decoder knows the enclosing spaces).
            uint count = reader.ReadU32("outer alias count");
            return new ComponentAlias(sort, ComponentAliasTarget.Outer, 0, "", count, reader.ReadU32("outer alias index"));
        }
        if (target == 0x00)
        {
            uint instance = CheckedIndex(reader, instances, "instance");
            return new ComponentAlias(sort, ComponentAliasTarget.InstanceExport, instance, reader.ReadName("alias export name"), 0, 0);
        }
        throw reader.Error($"declaration alias target 0x{target:x2} is not allowed in a type", at);
    }

    private static List<ComponentNamedValueType> ReadNamedValueTypes(WasmBinaryReader reader, int typeCount, string what)
    {
        var list = new List<ComponentNamedValueType>();
        ReadVector(reader, what, () =>
        {
            string name = reader.ReadName(what);
            list.Add(new ComponentNamedValueType(name, ReadValueType(reader, typeCount)));
        });
        return list;
    }

    private static ComponentValueType? ReadOptionalValueType(WasmBinaryReader reader, int typeCount, string what)
    {
        int at = reader.Position;
        byte present = reader.ReadByte(what);
        return present switch
        {
            0x00 => null,
            0x01 => ReadValueType(reader, typeCount),
            _ => throw reader.Error($"{what}: expected 0x00 or 0x01, found 0x{present:x2}", at),
        };
    }

    private static uint? ReadOptionalU32(WasmBinaryReader reader, string what)
    {
        int at = reader.Position;
        byte present = reader.ReadByte(what);
        return present switch
        {
            0x00 => null,
            0x01 => reader.ReadU32(what),
            _ => throw reader.Error($"{what}: expected 0x00 or 0x01, found 0x{present:x2}", at),
        };
    }

    /// <summary>
    /// A <c>valtype</c>: an s33 whose negative one-byte values are primitive opcodes and whose
    /// non-negative values are type indexes.
    /// </summary>
    private static ComponentValueType ReadValueType(WasmBinaryReader reader, int typeCount)
    {
        int at = reader.Position;
        byte first = reader.PeekByte("value type");
        if (first is >= 0x40 and < 0x80)
        {
            reader.ReadByte("value type");
            return ComponentValueType.PrimitiveName(first) is not null
                ? ComponentValueType.OfPrimitive(first)
                : throw reader.Error($"unknown value type 0x{first:x2}", at);
        }
        return ComponentValueType.OfIndex(CheckedIndex(reader, typeCount, "type"));
    }

    // ---- Core types (read to keep the index spaces right; their contents are not kept) ----

    private static void SkipCoreType(WasmBinaryReader reader, int depth)
    {
        int at = reader.Position;
        byte code = reader.ReadByte("core type");
        switch (code)
        {
            case 0x60:
                SkipCoreValueTypes(reader);
                SkipCoreValueTypes(reader);
                break;
            case 0x50:
                if (depth + 1 > MaxNesting)
                {
                    throw reader.Error($"types nest deeper than {MaxNesting} levels", at);
                }
                ReadVector(reader, "core module type", () =>
                {
                    int declarationAt = reader.Position;
                    byte kind = reader.ReadByte("core module type declaration");
                    switch (kind)
                    {
                        case 0x00:
                            reader.ReadName("core import module");
                            reader.ReadName("core import name");
                            SkipCoreImportDescription(reader);
                            break;
                        case 0x01:
                            SkipCoreType(reader, depth + 1);
                            break;
                        case 0x02:
                            ComponentSortFacts.ReadCoreSort(reader);
                            int targetAt = reader.Position;
                            if (reader.ReadByte("core alias target") != 0x01)
                            {
                                throw reader.Error("core module type alias: only outer aliases are allowed", targetAt);
                            }
                            reader.ReadU32("outer alias count");
                            reader.ReadU32("outer alias index");
                            break;
                        case 0x03:
                            reader.ReadName("core export name");
                            SkipCoreImportDescription(reader);
                            break;
                        default:
                            throw reader.Error($"unknown core module type declaration 0x{kind:x2}", declarationAt);
                    }
                });
                break;
            default:
                throw reader.Error($"core type 0x{code:x2} is not supported (only function and module types)", at);
        }
    }

    private static void SkipCoreImportDescription(WasmBinaryReader reader)
    {
        int at = reader.Position;
        byte kind = reader.ReadByte("core import description");
        switch (kind)
        {
            case 0x00:
                reader.ReadU32("core type index");
                break;
            case 0x01:
                SkipCoreValueType(reader);
                SkipLimits(reader);
                break;
            case 0x02:
                SkipLimits(reader);
                break;
            case 0x03:
                SkipCoreValueType(reader);
                reader.ReadByte("global mutability");
                break;
            case 0x04:
                reader.ReadByte("tag attribute");
                reader.ReadU32("tag type");
                break;
            default:
                throw reader.Error($"unknown core import description 0x{kind:x2}", at);
        }
    }

    private static void SkipLimits(WasmBinaryReader reader)
    {
        int at = reader.Position;
        byte flags = reader.ReadByte("limits");
        if (flags > 0x07)
        {
            throw reader.Error($"unknown limits flags 0x{flags:x2}", at);
        }
        reader.ReadU32("limits minimum");
        if ((flags & 1) != 0)
        {
            reader.ReadU32("limits maximum");
        }
    }

    private static void SkipCoreValueTypes(WasmBinaryReader reader)
    {
        ReadVector(reader, "core value types", () => SkipCoreValueType(reader));
    }

    private static void SkipCoreValueType(WasmBinaryReader reader)
    {
        int at = reader.Position;
        byte code = reader.ReadByte("core value type");
        if (code is not (0x7f or 0x7e or 0x7d or 0x7c or 0x7b or 0x70 or 0x6f))
        {
            throw reader.Error($"core value type 0x{code:x2} is not supported", at);
        }
    }
}
