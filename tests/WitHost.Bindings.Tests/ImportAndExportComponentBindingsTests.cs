using WitHost.CrossCheck.Tests;

namespace WitHost.Bindings.Tests;

/// <summary>Every test of <see cref="ImportAndExportBindingsTests"/>, on tests/guests/both.wasm's component file (jco's componentNew, no adapter).</summary>
public sealed class ImportAndExportComponentBindingsTests()
    : ImportAndExportBindingsTests(JcoComponents.Make("tests/guests/both.wasm", "tests/WitHost.Bindings.Tests/wit/both.wit", "both", null, adapter: false).Bytes);
