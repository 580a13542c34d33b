using Example.App;
using WitHost;
using WitHost.Wamr;

// Loads the guest (built from guest/app.c), gives it the host-log import and calls its exports
// through the bindings generated from wit/app.wit.
using var engine = new WamrEngine();
using var module = engine.LoadModule(Path.Combine(AppContext.BaseDirectory, "guest", "app.wasm"));
using var guest = AppHost.Instantiate(module, new AppHost.Imports { HostLog = new ConsoleLog() });

string greeting = guest.Greet("WitHost");
Console.WriteLine($"greet(\"WitHost\") = \"{greeting}\"");

ulong fibonacci = guest.Fibonacci(50);
Console.WriteLine($"fibonacci(50) = {fibonacci}");

/// <summary>The host for the world <c>app</c> of wit/app.wit; the generator writes the rest.</summary>
[WitHost("wit/app.wit", World = "app")]
internal partial class AppHost;

/// <summary>The host's side of the import <c>example:app/host-log</c>.</summary>
internal sealed class ConsoleLog : IHostLog
{
    public void Log(string message) => Console.WriteLine($"[guest] {message}");
}
