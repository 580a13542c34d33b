namespace WitHost.Wit.Binary;

/// <summary>
/// Decodes the WIT a WebAssembly binary carries: a component's imports, exports and types, or
/// a core module's <c>component-type*</c> custom section (the world wit-bindgen embeds, itself a
/// small component encoding the world), or a WIT package encoded as a component (what
/// <c>wasm-tools component wit --wasm</c> writes).
/// </summary>
public static class ComponentWitDecoder
{
    /// <summary>The custom section prefix wit-bindgen and wit-component give the embedded world.</summary>
    public const string ComponentTypeSectionPrefix = "component-type";

    /// <summary>
    /// The WIT text of what <paramref name="bytes"/> carries: for a component, its world as
    /// package <c>root:component</c>, world <c>root</c> (as <c>wasm-tools component wit</c> prints
    /// it); for a core module, the world of its <c>component-type</c> section. Interfaces the
    /// world names follow in nested <c>package … { }</c> blocks.
    /// </summary>
    /// <exception cref="ComponentFormatException">Malformed, no WIT to decode, or types WIT cannot express.</exception>
    public static string Decode(byte[] bytes)
    {
        if (WasmPreamble.Detect(bytes) == WasmBinaryKind.Component)
        {
            ComponentBinary component = ComponentBinaryReader.Read(bytes);
            if (FindEncodedWorld(component) is { } encoded)
            {
                return encoded;
            }
            DecodedComponentType world = new ComponentScope(component, null, null).World();
            return WitTextWriter.Write("root:component", "root", world);
        }
        byte[] section = FindComponentTypeSection(bytes)
            ?? throw new ComponentFormatException($"the core module has no '{ComponentTypeSectionPrefix}' custom section, so it carries no WIT", 0);
        ComponentBinary metadata;
        try
        {
            metadata = ComponentBinaryReader.Read(section);
        }
        catch (ComponentFormatException e)
        {
            throw new ComponentFormatException($"the '{ComponentTypeSectionPrefix}' custom section: {e.Reason}", e.Offset);
        }
        return FindEncodedWorld(metadata)
            ?? throw new ComponentFormatException($"the '{ComponentTypeSectionPrefix}' custom section encodes no world", 0);
    }

    /// <summary>
    /// The WIT text of a WIT package encoded as a component (what <c>wasm-tools component wit
    /// --wasm</c> writes, a binary <c>deps/x.wasm</c>): every interface and world it defines.
    /// </summary>
    /// <exception cref="ComponentFormatException">Malformed, or not a package encoding.</exception>
    public static string DecodePackage(byte[] bytes)
    {
        if (WasmPreamble.Detect(bytes) != WasmBinaryKind.Component)
        {
            throw new ComponentFormatException("a core module, not a component encoding a WIT package", 0);
        }
        ComponentBinary component = ComponentBinaryReader.Read(bytes);
        if (component.CoreModules.Count > 0 || component.Imports.Count > 0)
        {
            throw new ComponentFormatException("a component with code or imports, not one encoding a WIT package", 0);
        }
        var interfaces = new List<DecodedInstance>();
        var worlds = new List<KeyValuePair<string, DecodedComponentType>>();
        string? package = null;
        foreach (KeyValuePair<string, DecodedItem> export in new ComponentScope(component, null, null).World().Exports)
        {
            if (export.Value.Component is not { } wrapper)
            {
                continue;
            }
            foreach (KeyValuePair<string, DecodedItem> inner in wrapper.Exports)
            {
                int slash = inner.Key.IndexOf('/');
                if (slash <= 0)
                {
                    continue;
                }
                string name = inner.Key.Substring(slash + 1);
                int at = name.IndexOf('@');
                package ??= inner.Key.Substring(0, slash) + (at < 0 ? "" : name.Substring(at));
                if (inner.Value.Instance is { } instance)
                {
                    interfaces.Add(instance);
                }
                else if (inner.Value.Component is { } world)
                {
                    worlds.Add(new KeyValuePair<string, DecodedComponentType>(at < 0 ? name : name.Substring(0, at), world));
                }
            }
        }
        if (package is null)
        {
            throw new ComponentFormatException("the component encodes no WIT package (no exported interface or world types)", 0);
        }
        return WitTextWriter.WritePackage(package, interfaces, worlds);
    }

    /// <summary>
    /// A world encoded as a type (wit-component's metadata and WIT packages): an exported
    /// component type whose only content is a component named <c>ns:pkg/world</c>.
    /// </summary>
    private static string? FindEncodedWorld(ComponentBinary component)
    {
        if (component.CoreModules.Count > 0 || component.Imports.Count > 0)
        {
            return null;
        }
        DecodedComponentType outer = new ComponentScope(component, null, null).World();
        foreach (KeyValuePair<string, DecodedItem> export in outer.Exports)
        {
            if (export.Value.Component is not { } wrapper)
            {
                continue;
            }
            foreach (KeyValuePair<string, DecodedItem> inner in wrapper.Exports)
            {
                if (inner.Value.Component is { } world && inner.Key.IndexOf('/') > 0)
                {
                    int slash = inner.Key.IndexOf('/');
                    string worldPart = inner.Key.Substring(slash + 1);
                    int at = worldPart.IndexOf('@');
                    string version = at < 0 ? "" : worldPart.Substring(at);
                    string worldName = at < 0 ? worldPart : worldPart.Substring(0, at);
                    return WitTextWriter.Write(inner.Key.Substring(0, slash) + version, worldName, world);
                }
            }
        }
        return null;
    }

    private static byte[]? FindComponentTypeSection(byte[] bytes)
    {
        var reader = new WasmBinaryReader(bytes);
        reader.Skip(8, "module preamble");
        while (!reader.AtEnd)
        {
            byte id = reader.ReadByte("section id");
            uint size = reader.ReadU32("section size");
            WasmBinaryReader section = reader.ReadRegion(size, $"core section {id}");
            if (id != 0)
            {
                continue;
            }
            string name = section.ReadName("custom section name");
            if (name.StartsWith(ComponentTypeSectionPrefix, StringComparison.Ordinal))
            {
                int start = section.Position;
                section.Skip(section.Remaining, "custom section");
                return section.CopyFrom(start);
            }
        }
        return null;
    }
}
