using WitHost.CrossCheck.Tests;
using WitHost.Wamr;

namespace WitHost.Bindings.Tests;

/// <summary>One engine and a test guest's module for a test class; each test makes its own instance.</summary>
public abstract class TestGuest : IDisposable
{
    private readonly WamrEngine _engine = new();

    protected TestGuest(string name) =>
        Module = _engine.LoadModule(GuestMode.Prepare(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", name + ".wasm"))));

    /// <summary>The guest as a component file jco made of it, loaded with <see cref="WamrEngine.LoadComponent(byte[], ModuleOptions?)"/>
    /// (in AOT mode, the AOT file compiled from the component).</summary>
    protected TestGuest(JcoComponent component)
    {
        Component = component;
        Module = _engine.LoadComponent(GuestMode.Prepare(component.Bytes));
    }

    public WamrModule Module { get; }

    /// <summary>The component file, for a guest loaded in its component form.</summary>
    public JcoComponent? Component { get; }

    public void Dispose()
    {
        Module.Dispose();
        _engine.Dispose();
    }
}

/// <summary>samples/HelloWorld/guest/sample.wasm.</summary>
public sealed class SampleGuest() : TestGuest("sample");

/// <summary>tests/guests/roundtrip.wasm.</summary>
public sealed class RoundtripGuest() : TestGuest("roundtrip");

/// <summary>tests/guests/abi-call.wasm.</summary>
public sealed class AbiCallGuest() : TestGuest("abi-call");

/// <summary>tests/guests/abi-header.wasm, written against the generated C header tests/guests/abi-header.h.</summary>
public sealed class AbiHeaderGuest() : TestGuest("abi-header");

/// <summary>tests/guests/traps.wasm.</summary>
public sealed class TrapsGuest() : TestGuest("traps");

/// <summary>tests/guests/resources.wasm.</summary>
public sealed class ResourcesGuest() : TestGuest("resources");

/// <summary>tests/guests/resource-misuse.wasm.</summary>
public sealed class ResourceMisuseGuest() : TestGuest("resource-misuse");

/// <summary>tests/guests/exit-borrow.wasm.</summary>
public sealed class ExitBorrowGuest() : TestGuest("exit-borrow");

/// <summary>tests/guests/async-exit-borrow.wasm, hand-written: async exports that borrow the host's resource.</summary>
public sealed class AsyncExitBorrowGuest() : TestGuest("async-exit-borrow");

/// <summary>tests/guests/lift-probe.wasm, hand-written: its exports return the memory image the host wrote.</summary>
public sealed class LiftProbeGuest() : TestGuest("lift-probe");

/// <summary>tests/guests/channels.wasm.</summary>
public sealed class ChannelGuest() : TestGuest("channels");

/// <summary>tests/guests/rust-shape.wasm, whose async glue has the shape of wit-bindgen's Rust runtime.</summary>
public sealed class RustShapeGuest() : TestGuest("rust-shape");

/// <summary>tests/guests/wasip2.wasm, which imports plain WASI 0.2 functions by their wasm32-wasip2 core names.</summary>
public sealed class Wasip2Guest() : TestGuest("wasip2");
