using Example.Keyvalue.Store;
using WitHost.Wamr;

namespace WitHost.Samples.KeyValue;

/// <summary>
/// Runs the jobs of guest/keyvalue.wasm over the host's buckets and prints each call, what the
/// host saw during it (buckets opened by the guest's constructor calls, closed by its drops) and
/// how many bucket objects are open afterwards.
/// </summary>
public static class KeyValueTour
{
    /// <summary>Where the sample's build puts the guest: guest/keyvalue.wasm beside the program.</summary>
    public static string GuestPath { get; } = Path.Combine(AppContext.BaseDirectory, "guest", "keyvalue.wasm");

    public static void Run(TextWriter output)
    {
        var store = new BucketStore();
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestPath);
        using var guest = KeyValueHost.Instantiate(module, new KeyValueHost.Imports { Store = store });
        output.WriteLine($"Instantiated {Path.GetFileName(GuestPath)} as world {KeyValueHost.WitWorldName}");

        void PrintNotes(string prefix)
        {
            foreach (string note in store.TakeNotes())
            {
                output.WriteLine($"{prefix}{note}");
            }
        }

        void Print(string call, string result)
        {
            output.WriteLine($"{call} = {result}");
            PrintNotes("    ");
        }

        void Heading(string text)
        {
            output.WriteLine();
            output.WriteLine($"# {text}");
        }

        Heading("count-words: the guest opens a bucket (an own handle), gets and sets each word's count, and drops the handle, which disposes the object");
        Print("jobs.count-words(\"words\", \"the cat saw the dog\")", ShowCount(guest.Jobs.CountWords("words", "the cat saw the dog")));
        Print("jobs.count-words(\"words\", \"the dog ran\")", ShowCount(guest.Jobs.CountWords("words", "the dog ran")));
        output.WriteLine($"bucket \"words\" holds: {store.Contents("words")}");

        Heading("dump: the host lends the guest its own handle (a borrow); the guest drops it, the host's object stays open");
        using (Bucket words = store.Open("words"))
        {
            PrintNotes("the host: ");
            Print($"jobs.dump({words})", Show(guest.Jobs.Dump(words)));
        }
        PrintNotes("the host's using block: ");

        Heading("prune: keys listed, counts read, the rare words deleted");
        Print("jobs.prune(\"words\", 2)", Show(guest.Jobs.Prune("words", 2)));
        output.WriteLine($"bucket \"words\" holds: {store.Contents("words")}");

        Heading($"remember: the host refuses bad writes with a store-error (values up to {BucketStore.MaxValueLength} bytes)");
        Print("jobs.remember(\"notes\", \"greeting\", \"hello\")", ShowWrite(guest.Jobs.Remember("notes", "greeting", "hello")));
        Print("jobs.remember(\"notes\", \"\", \"no key\")", ShowWrite(guest.Jobs.Remember("notes", "", "no key")));
        const string essay = "a note far longer than thirty-two bytes";
        Print($"jobs.remember(\"notes\", \"essay\", \"{essay}\")", ShowWrite(guest.Jobs.Remember("notes", "essay", essay)));
        output.WriteLine($"bucket \"notes\" holds: {store.Contents("notes")}");

        Heading("snapshot: the guest returns an own handle; the object leaves its table and is the host's to dispose");
        IBucket backup = guest.Jobs.Snapshot("words", "backup");
        Print("jobs.snapshot(\"words\", \"backup\")", backup.ToString() ?? "");
        output.WriteLine($"bucket \"backup\" holds: {store.Contents("backup")}");
        output.WriteLine($"open bucket objects: {store.OpenBuckets} (the snapshot the host now holds)");
        ((IDisposable)backup).Dispose();
        PrintNotes("the host: ");
        output.WriteLine($"open bucket objects: {store.OpenBuckets}");
    }

    private static string Show(string[] items) => $"[{string.Join(", ", items.Select(item => $"\"{item}\""))}]";

    private static string Show(StoreError error) => error.Match(
        emptyKey => "empty-key",
        valueTooLarge => $"value-too-large({valueTooLarge.Value})");

    private static string ShowCount(Result<uint, StoreError> result) => result.Match(count => $"ok({count})", error => $"err({Show(error)})");

    private static string ShowWrite(Result<Unit, StoreError> result) => result.Match(_ => "ok", error => $"err({Show(error)})");
}
