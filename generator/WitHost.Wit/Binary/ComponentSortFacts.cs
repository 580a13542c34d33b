namespace WitHost.Wit.Binary;

/// <summary>How sorts are encoded and named.</summary>
internal static class ComponentSortFacts
{
    /// <summary>Reads <c>core:sort</c> (a core sort byte).</summary>
    public static ComponentSort ReadCoreSort(WasmBinaryReader reader)
    {
        int at = reader.Position;
        byte code = reader.ReadByte("core sort");
        return code switch
        {
            0x00 => ComponentSort.CoreFunc,
            0x01 => ComponentSort.CoreTable,
            0x02 => ComponentSort.CoreMemory,
            0x03 => ComponentSort.CoreGlobal,
            0x10 => ComponentSort.CoreType,
            0x11 => ComponentSort.CoreModule,
            0x12 => ComponentSort.CoreInstance,
            _ => throw reader.Error($"unknown core sort 0x{code:x2}", at),
        };
    }

    /// <summary>Reads <c>sort</c>: <c>0x00 core:sort</c> or a component sort.</summary>
    public static ComponentSort ReadSort(WasmBinaryReader reader)
    {
        int at = reader.Position;
        byte code = reader.ReadByte("sort");
        return code switch
        {
            0x00 => ReadCoreSort(reader),
            0x01 => ComponentSort.Func,
            0x02 => ComponentSort.Value,
            0x03 => ComponentSort.Type,
            0x04 => ComponentSort.Component,
            0x05 => ComponentSort.Instance,
            _ => throw reader.Error($"unknown sort 0x{code:x2}", at),
        };
    }

    public static string Describe(ComponentSort sort) => sort switch
    {
        ComponentSort.CoreFunc => "core func",
        ComponentSort.CoreTable => "core table",
        ComponentSort.CoreMemory => "core memory",
        ComponentSort.CoreGlobal => "core global",
        ComponentSort.CoreType => "core type",
        ComponentSort.CoreModule => "core module",
        ComponentSort.CoreInstance => "core instance",
        ComponentSort.Func => "func",
        ComponentSort.Value => "value",
        ComponentSort.Type => "type",
        ComponentSort.Component => "component",
        _ => "instance",
    };
}
