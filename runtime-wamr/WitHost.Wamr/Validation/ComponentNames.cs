using WitHost.Wamr.CanonicalAbi;
using WitHost.Wamr.Components;

namespace WitHost.Wamr.Validation;

/// <summary>
/// How a guest names what a world names: a core module uses the world's core names; a
/// component's main module may be wired to them under other names, says per function which string
/// encoding it uses (canon options), and has imports the WASI preview1 adapter served.
/// </summary>
internal sealed class ComponentNames
{
    private readonly GuestComponent? _component;
    private readonly Func<string?, string, StringEncoding?>? _encodingOf;

    /// <param name="component">The component, or null for a core module.</param>
    /// <param name="encodingOf">For a core module: the encoding of a core import (module, name) or
    /// export (null, name) when something else says it; null when nothing does.</param>
    public ComponentNames(GuestComponent? component, Func<string?, string, StringEncoding?>? encodingOf = null)
    {
        _component = component;
        _encodingOf = encodingOf;
    }

    /// <summary>Whether the guest says how each function encodes strings.</summary>
    public bool HasEncodings => _component is not null || _encodingOf is not null;

    /// <summary>The main module's export the guest lifts for the world's export <paramref name="worldName"/>.</summary>
    public string CoreExport(string worldName) => _component?.CoreExportFor(worldName) ?? worldName;

    /// <summary>The world's (module, name) of the main module's import.</summary>
    public (string Module, string Name) WorldImport(string module, string name)
        => _component?.WorldImportFor(module, name) ?? (module, name);

    /// <summary>Whether the component's WASI preview1 adapter served this import (now WAMR's libc-wasi).</summary>
    public bool IsWasi(string module, string name)
        => _component?.Imports.Any(binding => binding.Kind == ComponentImportKind.WasiPreview1 && binding.CoreModule == module && binding.CoreName == name) ?? false;

    /// <summary>The string encoding of a main-module import (module, name) or export (null, name), when the guest says it.</summary>
    public StringEncoding? Encoding(string? module, string name)
    {
        if (_component is null)
        {
            return _encodingOf?.Invoke(module, name);
        }

        if (module is null)
        {
            return _component.Exports.TryGetValue(name, out var options) ? options.Encoding : null;
        }

        var binding = _component.Imports.FirstOrDefault(b => b.Kind == ComponentImportKind.Function && b.CoreModule == module && b.CoreName == name);
        return binding?.Options.Encoding;
    }
}
