using System.Text;
using WitHost.Wamr;
using WitHost.Wamr.Hosting;

// Loads the hello guest, gives it a logging function, and calls two of its exports.
using var engine = new WamrEngine();
using var module = engine.LoadModule(Path.Combine(AppContext.BaseDirectory, "guest", "hello.wasm"));

var imports = new HostImports().Define("example:hello/logging", "log", call =>
{
    string text = Encoding.UTF8.GetString(call.Instance.Memory.Slice(call.GetUInt32(0), call.GetUInt32(1)));
    Console.WriteLine($"  [guest log] {text}");
});
using var guest = module.Instantiate(imports);

int sum = guest.Invoke("add", 40, 2)[0].AsInt32();
Console.WriteLine($"add(40, 2) = {sum}");

string greeting = Greet(guest, "WitHost 🌍");
Console.WriteLine($"greet(\"WitHost 🌍\") = \"{greeting}\"");

// Lowers the name into guest memory through cabi_realloc, calls greet, lifts the returned
// string, then lets the guest free it with cabi_post_greet.
static string Greet(WamrInstance guest, string name)
{
    byte[] utf8 = Encoding.UTF8.GetBytes(name);
    uint pointer = guest.Realloc(0, 0, 1, (uint)utf8.Length);
    guest.Memory.Write(pointer, utf8);

    WamrFunction greet = guest.GetFunction("greet");
    Span<uint> cells = [pointer, (uint)utf8.Length];
    greet.InvokeCells(cells);

    var memory = guest.Memory;
    uint resultArea = cells[0];
    string result = Encoding.UTF8.GetString(memory.Slice(memory.ReadUInt32(resultArea), memory.ReadUInt32(resultArea + 4)));
    guest.PostReturn(greet, cells[..1]);
    return result;
}
