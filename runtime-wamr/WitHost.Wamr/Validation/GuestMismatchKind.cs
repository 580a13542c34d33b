namespace WitHost.Wamr.Validation;

/// <summary>How a guest differs from the world a host was made for.</summary>
public enum GuestMismatchKind
{
    /// <summary>The guest lacks a function the world needs it to export.</summary>
    MissingExport,

    /// <summary>The guest exports the name, but not as a function.</summary>
    ExportNotAFunction,

    /// <summary>The guest exports the function with another core type.</summary>
    ExportSignature,

    /// <summary>The world passes values through linear memory, but the guest does not export <c>memory</c>.</summary>
    MissingMemory,

    /// <summary>The guest imports a function the world does not provide (a misspelled or foreign import).</summary>
    UnknownImport,

    /// <summary>The guest imports a function the world provides, with another core type.</summary>
    ImportSignature,

    /// <summary>The guest (a component) passes a function's strings in another encoding than the host's.</summary>
    StringEncoding,
}
