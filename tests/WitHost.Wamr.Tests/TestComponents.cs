using WitHost.CrossCheck.Tests;

namespace WitHost.Wamr.Tests;

/// <summary>The component files the component tests load: the project's guests, made into components by jco at test time.</summary>
internal static class TestComponents
{
    /// <summary>The sample guest (imports WASI): with the preview1 adapter, utf8.</summary>
    public static JcoComponent Sample => JcoComponents.Make("samples/HelloWorld/guest/sample.wasm", "wit/sample.wit", "sample", "utf8", adapter: true);

    /// <summary>The round-trip guest (no WASI): without the adapter.</summary>
    public static JcoComponent Roundtrip => JcoComponents.Make("tests/guests/roundtrip.wasm", "wit/roundtrip.wit", "roundtrip", null, adapter: false);

    /// <summary>The resources guest: imported resources, with the adapter.</summary>
    public static JcoComponent Resources => JcoComponents.Make("tests/guests/resources.wasm", "wit/resources.wit", "resources", null, adapter: true);

    /// <summary>The utf16 guest, <c>string-encoding=utf16</c>.</summary>
    public static JcoComponent Utf16 => JcoComponents.Make("tests/guests/encodings-utf16.wasm", "wit/encodings.wit", "encodings", "utf16", adapter: false);

    /// <summary>The latin1+utf16 guest, <c>string-encoding=latin1+utf16</c>.</summary>
    public static JcoComponent Latin1 => JcoComponents.Make("tests/guests/encodings-latin1.wasm", "wit/encodings.wit", "encodings", "compact-utf16", adapter: false);

    /// <summary>The both guest: one interface (with a resource) imported and exported.</summary>
    public static JcoComponent Both => JcoComponents.Make("tests/guests/both.wasm", "tests/WitHost.Bindings.Tests/wit/both.wit", "both", null, adapter: false);

    public static JcoComponent ByName(string name) => name switch
    {
        "both" => Both,
        "sample" => Sample,
        "roundtrip" => Roundtrip,
        "resources" => Resources,
        "utf16" => Utf16,
        "latin1" => Latin1,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static TheoryData<string> Names => new() { "sample", "roundtrip", "resources", "utf16", "latin1", "both" };
}
