using WitHost.Wamr;
using WitHost.Wamr.Hosting;

// Runs a guest-to-host-to-guest recursion with no end on one thread and reports how it ended:
//
//   WitHost.Wamr.StackProbe <operand stack KiB> <thread: "main" or its stack size in KiB>
//
// Exit code 0 and a line "trap …: <message>" when the recursion ended in a WasmTrapException (the
// only acceptable end); 2 when it ended some other way. A native crash ends the process with a
// signal instead, which the test sees as a failure.
if (args.Length != 2 || !uint.TryParse(args[0], out var operandStackKiB))
{
    Console.Error.WriteLine("usage: WitHost.Wamr.StackProbe <operand stack KiB> <main | thread stack KiB>");
    return 64;
}

var outcome = 2;
void Run()
{
    using var engine = new WamrEngine();
    using var module = engine.LoadModule(Path.Combine(AppContext.BaseDirectory, "guests", "core.wasm"));
    var depth = 0;
    var imports = new HostImports().Define("test:core/host", "add", call =>
    {
        // Each level calls the guest's call-host-add, which calls this function again.
        depth++;
        call.SetResult(call.Instance.Invoke("call-host-add", call.GetInt32(0), call.GetInt32(1))[0].AsInt32());
    });
    try
    {
        using var instance = module.Instantiate(imports, new InstanceOptions { StackSize = operandStackKiB * 1024 });
        instance.Invoke("call-host-add", 1, 2);
        Console.WriteLine($"returned after {depth} levels");
    }
    catch (WasmTrapException trap)
    {
        var innermost = (Exception)trap;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }
        Console.WriteLine($"trap after {depth} levels: {innermost.Message}");
        outcome = 0;
    }
    catch (WasmInstantiationException refused) when (refused.InnerException is WasmTrapException)
    {
        // A thread too small to enter the guest at all cannot even run its _initialize.
        Console.WriteLine($"trap while instantiating: {refused.InnerException.Message}");
        outcome = 0;
    }
    catch (Exception e)
    {
        Console.WriteLine($"{e.GetType().Name} after {depth} levels: {e.Message}");
    }
}

if (args[1] == "main")
{
    Run();
}
else
{
    var thread = new Thread(Run, checked(int.Parse(args[1]) * 1024));
    thread.Start();
    thread.Join();
}

return outcome;
