using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using WitHost.Wamr.Benchmarks.Engines;
using WitHost.Wamr.Benchmarks.Generated;
using WitHost.Wamr.Benchmarks.NativeHost;

namespace WitHost.Wamr.Benchmarks;

/// <summary>
/// Makes the anchor calls of <see cref="AnchorBenchmarks"/> in fixed batches, each bracketed by
/// marks a profiler sees, so instruction counts per call can be read for the C host and the
/// generated host side by side (docs/benchmarks.md says how).
/// </summary>
internal static unsafe class CallCountDriver
{
    /// <summary>Runs the phases named in <paramref name="phaseFilter"/> (comma-separated; all when
    /// null); the 64 KiB ones make a 256th of <paramref name="calls"/> calls, at least one.</summary>
    public static void Run(string marksLibrary, int calls, string? phaseFilter)
    {
        nint marks = NativeLibrary.Load(marksLibrary);
        var zero = (delegate* unmanaged<void>)NativeLibrary.GetExport(marks, "marks_zero");
        var dump = (delegate* unmanaged<byte*, void>)NativeLibrary.GetExport(marks, "marks_dump");

        byte[] wasm = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "guests", "anchor.wasm"));
        using var engine = new WamrEngine();
        using WamrModule module = engine.LoadModule(wasm);
        using AnchorHost.Guest guest = AnchorHost.Instantiate(module, new AnchorHost.Imports());
        using var native = new AnchorNativeHost(engine, wasm);
        // The same guest compiled ahead of time: the C host calls it through WAMR's
        // wasm_runtime_call_wasm, the generated host through the runtime's direct call.
        byte[] compiledWasm = BenchmarkGuests.CompileAheadOfTime(wasm);
        using WamrModule compiledModule = engine.LoadModule(compiledWasm);
        using AnchorHost.Guest compiledGuest = AnchorHost.Instantiate(compiledModule, new AnchorHost.Imports());
        using var compiledNative = new AnchorNativeHost(engine, compiledWasm);
        string text16 = "abcdefghijklmnop";
        byte[] utf8 = Encoding.UTF8.GetBytes(text16);
        string text1K = string.Concat(Enumerable.Repeat("abcdefghijklmnop", 64));
        byte[] utf8_1K = Encoding.UTF8.GetBytes(text1K);
        string text64K = string.Concat(Enumerable.Repeat("abcdefghijklmnop", 4096));
        byte[] utf8_64K = Encoding.UTF8.GetBytes(text64K);
        int largeCalls = Math.Max(1, calls / 256);
        byte[] result = new byte[64 * 1024];
        // The UTF-8 overload's result buffer, emptied before each call and never grown after the first.
        var utf8Result = new ArrayBufferWriter<byte>(64 * 1024);

        (string Name, Action Batch)[] phases =
        [
            ("C-noop", () => native.Noop((uint)calls)),
            ("generated-noop", () => { for (int i = 0; i < calls; i++) guest.Noop(); }),
            ("C-add", () => native.Add((uint)calls, 1)),
            ("generated-add", () => { for (int i = 0; i < calls; i++) guest.Add(i, 1); }),
            ("C-upper16", () => native.Upper(utf8, (uint)calls, result)),
            ("generated-upper16", () => { for (int i = 0; i < calls; i++) guest.Upper(text16); }),
            ("generated-upper16-utf8", () => { for (int i = 0; i < calls; i++) { utf8Result.ResetWrittenCount(); guest.Upper(utf8, utf8Result); } }),
            ("C-upper1K", () => native.Upper(utf8_1K, (uint)calls, result)),
            ("generated-upper1K", () => { for (int i = 0; i < calls; i++) guest.Upper(text1K); }),
            ("generated-upper1K-utf8", () => { for (int i = 0; i < calls; i++) { utf8Result.ResetWrittenCount(); guest.Upper(utf8_1K, utf8Result); } }),
            ("C-upper64K", () => native.Upper(utf8_64K, (uint)largeCalls, result)),
            // What a .NET caller of the C host would then do: make a string of each result.
            ("C-upper64K-string", () =>
            {
                for (int i = 0; i < largeCalls; i++)
                {
                    native.Upper(utf8_64K, 1, result);
                    GC.KeepAlive(Encoding.UTF8.GetString(result.AsSpan(0, utf8_64K.Length)));
                }
            }),
            ("generated-upper64K", () => { for (int i = 0; i < largeCalls; i++) guest.Upper(text64K); }),
            ("generated-upper64K-utf8", () => { for (int i = 0; i < largeCalls; i++) { utf8Result.ResetWrittenCount(); guest.Upper(utf8_64K, utf8Result); } }),
            ("C-noop-aot", () => compiledNative.Noop((uint)calls)),
            ("generated-noop-aot", () => { for (int i = 0; i < calls; i++) compiledGuest.Noop(); }),
            ("C-add-aot", () => compiledNative.Add((uint)calls, 1)),
            ("generated-add-aot", () => { for (int i = 0; i < calls; i++) compiledGuest.Add(i, 1); }),
        ];
        foreach ((string name, Action batch) in phases)
        {
            if (phaseFilter is not null && !phaseFilter.Split(',').Contains(name))
            {
                continue;
            }
            // Warm: the JIT has compiled (and, with tiering, recompiled) the loop before counting.
            for (int i = 0; i < 5; i++)
            {
                batch();
            }
            // With tiered compilation (the runtime's default), a method called often enough is
            // compiled again, optimised with its profile, on a background thread; under valgrind
            // that thread runs only while this one waits. Pausing between further batches lets
            // it finish, so the counted batch runs the code a long-running host runs (without
            // the pauses, a short phase was sometimes counted on its unoptimised code: twice the
            // instructions). Without tiering this changes nothing.
            for (int i = 0; i < 3; i++)
            {
                Thread.Sleep(TimeSpan.FromSeconds(1));
                batch();
            }
            zero();
            batch();
            byte[] label = Encoding.UTF8.GetBytes(name + "\0");
            fixed (byte* l = label)
            {
                dump(l);
            }
        }
    }
}
