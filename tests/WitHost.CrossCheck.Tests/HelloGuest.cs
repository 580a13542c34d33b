using System.Text;
using System.Text.Json.Nodes;
using WitHost.Wamr;
using WitHost.Wamr.Hosting;
using WitHost.Wamr.Memory;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// The hello guest (tests/guests/hello.wasm, world <c>hello</c> in
/// wit/hello.wit) called through WitHost's runtime API, lowering and lifting by hand as the
/// Canonical ABI says. Each call is reported in the same JSON shape as run-component.mjs.
/// </summary>
internal sealed class HelloGuest : IDisposable
{
    public const string LogImport = "example:hello/logging#log";

    // Lifting validates: invalid UTF-8 from the guest is a trap, not replacement characters.
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly WamrEngine _engine;
    private readonly WamrModule _module;
    private readonly WamrInstance _instance;
    private readonly List<JsonObject> _importCalls = [];

    public HelloGuest(string wasmPath)
    {
        _engine = new WamrEngine();
        _module = _engine.LoadModule(wasmPath);
        var imports = new HostImports().Define("example:hello/logging", "log", call =>
        {
            // log(text: string) flattens to (ptr, len): lift the UTF-8 text from guest memory.
            string text = LiftString(call.Instance, call.GetUInt32(0), call.GetUInt32(1));
            _importCalls.Add(new JsonObject { ["import"] = LogImport, ["args"] = new JsonArray(text) });
        });
        _instance = _module.Instantiate(imports);
    }

    /// <summary>Calls <paramref name="export"/> with JSON arguments and reports it as jco's runner does.</summary>
    public JsonObject Call(string export, JsonArray args)
    {
        _importCalls.Clear();
        var report = new JsonObject { ["export"] = export, ["args"] = args.DeepClone() };
        try
        {
            report["result"] = export switch
            {
                "greet" => Greet(args[0]!.GetValue<string>()),
                "add" => Add(args[0]!.GetValue<int>(), args[1]!.GetValue<int>()),
                _ => throw new ArgumentException($"the hello world has no export {export}", nameof(export)),
            };
        }
        catch (WamrException e) when (e is WasmTrapException or WasmInstanceFaultedException)
        {
            report["trap"] = e.Message;
        }
        report["imports"] = new JsonArray([.. _importCalls]);
        return report;
    }

    // greet(name: string) -> string. The argument is lowered into memory the guest allocates
    // with cabi_realloc (also for zero bytes, as the spec's store_string does); the result is
    // one string, more than one flat value, so the guest returns a pointer to (ptr, len).
    private string Greet(string name)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(name);
        uint pointer = _instance.Realloc(0, 0, 1, (uint)utf8.Length);
        _instance.Memory.Write(pointer, utf8);

        WamrFunction greet = _instance.GetFunction("greet");
        Span<uint> cells = [pointer, (uint)utf8.Length];
        greet.InvokeCells(cells);

        // Memory may have moved during the call: read it afresh.
        GuestMemory memory = _instance.Memory;
        uint area = cells[0];
        if (area % 4 != 0)
        {
            throw new InvalidDataException($"greet returned a result area at {area}, which is not 4-aligned");
        }
        string result = LiftString(_instance, memory.ReadUInt32(area), memory.ReadUInt32(area + 4));
        _instance.PostReturn(greet, cells[..1]);
        return result;
    }

    // add(a: s32, b: s32) -> s32: all flat, nothing in memory.
    private int Add(int a, int b) => _instance.Invoke("add", a, b)[0].AsInt32();

    // A string is (ptr, len) of UTF-8; GuestMemory's bounds checks make a bad range an exception.
    private static string LiftString(WamrInstance instance, uint pointer, uint length) =>
        s_strictUtf8.GetString(instance.Memory.Slice(pointer, length));

    public void Dispose()
    {
        _instance.Dispose();
        _module.Dispose();
        _engine.Dispose();
    }
}
