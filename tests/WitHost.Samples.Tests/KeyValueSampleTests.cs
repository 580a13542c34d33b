using WitHost.Samples.KeyValue;
using WitHost.Wamr;

namespace WitHost.Samples.Tests;

/// <summary>samples/KeyValue: the host's resource <c>bucket</c>, handles made, lent, returned and dropped by the guest.</summary>
public sealed class KeyValueSampleTests
{
    private static readonly Lazy<string[]> s_lines = new(() => SampleOutput.Lines(KeyValueTour.Run));

    private static string[] Lines => s_lines.Value;

    [Fact]
    public void The_guest_jobs_read_and_write_the_host_buckets()
    {
        Assert.Contains("jobs.count-words(\"words\", \"the cat saw the dog\") = ok(5)", Lines);
        Assert.Contains("jobs.count-words(\"words\", \"the dog ran\") = ok(3)", Lines);
        Assert.Contains("bucket \"words\" holds: cat=1, dog=2, ran=1, saw=1, the=3", Lines);
        Assert.Contains("jobs.dump(bucket #3 \"words\") = [\"cat=1\", \"dog=2\", \"ran=1\", \"saw=1\", \"the=3\"]", Lines);
        Assert.Contains("jobs.prune(\"words\", 2) = [\"cat\", \"ran\", \"saw\"]", Lines);
        Assert.Contains("bucket \"words\" holds: dog=2, the=3", Lines);
        Assert.Contains("bucket \"backup\" holds: dog=2, the=3", Lines);
    }

    [Fact]
    public void Store_errors_come_back_as_results()
    {
        Assert.Contains("jobs.remember(\"notes\", \"greeting\", \"hello\") = ok", Lines);
        Assert.Contains("jobs.remember(\"notes\", \"\", \"no key\") = err(empty-key)", Lines);
        Assert.Contains("jobs.remember(\"notes\", \"essay\", \"a note far longer than thirty-two bytes\") = err(value-too-large(32))", Lines);
        Assert.Contains("bucket \"notes\" holds: greeting=hello", Lines);
    }

    [Fact]
    public void A_handle_the_guest_drops_disposes_the_host_object_during_the_call()
    {
        string[] notes = NotesUnder("jobs.count-words(\"words\", \"the cat saw the dog\") = ok(5)");
        Assert.Equal(["opened bucket #1 \"words\" for the guest", "disposed bucket #1 \"words\" (5 get, 5 set, 0 delete, 0 keys)"], notes);
    }

    [Fact]
    public void A_lent_handle_dropped_by_the_guest_leaves_the_host_object_open()
    {
        Assert.Equal("the host: opened bucket #3 \"words\" for the host", Lines[Array.IndexOf(Lines, "jobs.dump(bucket #3 \"words\") = [\"cat=1\", \"dog=2\", \"ran=1\", \"saw=1\", \"the=3\"]") - 1]);
        Assert.Empty(NotesUnder("jobs.dump(bucket #3 \"words\") = [\"cat=1\", \"dog=2\", \"ran=1\", \"saw=1\", \"the=3\"]"));
        Assert.Contains("the host's using block: disposed bucket #3 \"words\" (5 get, 0 set, 0 delete, 1 keys)", Lines);
    }

    [Fact]
    public void A_returned_handle_becomes_the_hosts_to_dispose()
    {
        Assert.Equal(
            ["opened bucket #8 \"words\" for the guest", "opened bucket #9 \"backup\" for the guest", "disposed bucket #8 \"words\" (2 get, 0 set, 0 delete, 1 keys)"],
            NotesUnder("jobs.snapshot(\"words\", \"backup\") = bucket #9 \"backup\""));
        Assert.Contains("open bucket objects: 1 (the snapshot the host now holds)", Lines);
        Assert.Equal("open bucket objects: 0", SampleOutput.After(Lines, "the host: disposed bucket #9 \"backup\" (0 get, 2 set, 0 delete, 0 keys)"));
        Assert.Equal("open bucket objects: 0", Lines[^2]);
    }

    [Fact]
    public void Each_instance_has_its_own_handle_table()
    {
        // Two instances of the guest over one store: each numbers its handles on its own, so the
        // jobs of one never reach the other's buckets by index.
        var store = new BucketStore();
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(KeyValueTour.GuestPath);
        using var first = KeyValueHost.Instantiate(module, new KeyValueHost.Imports { Store = store });
        using var second = KeyValueHost.Instantiate(module, new KeyValueHost.Imports { Store = store });
        using Bucket a = store.Open("a");
        using Bucket b = store.Open("b");
        Assert.True(first.Jobs.CountWords("a", "x y").IsOk);
        Assert.True(second.Jobs.CountWords("b", "z").IsOk);
        Assert.Equal(["x=1", "y=1"], first.Jobs.Dump(a));
        Assert.Equal(["z=1"], second.Jobs.Dump(b));
        Assert.Equal(["x=1", "y=1"], second.Jobs.Dump(a));
        Assert.Equal(2, store.OpenBuckets);
    }

    // The indented lines printed under a call.
    private static string[] NotesUnder(string call)
    {
        int index = Array.IndexOf(Lines, call);
        Assert.True(index >= 0, $"no line \"{call}\"");
        return [.. Lines.Skip(index + 1).TakeWhile(line => line.StartsWith("    ", StringComparison.Ordinal)).Select(line => line[4..])];
    }
}
