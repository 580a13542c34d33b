namespace WitHost.Wit.Abi;

/// <summary>A core wasm import: module name and field name.</summary>
/// <param name="Module">The import module, e.g. <c>wasi:io/streams@0.2.0</c> or <c>$root</c>.</param>
/// <param name="Name">The field name, e.g. <c>[method]pollable.block</c>.</param>
public sealed record CoreImportName(string Module, string Name)
{
    /// <inheritdoc/>
    public override string ToString() => Module + "::" + Name;
}
