using System.Collections.Concurrent;
using System.Text;

namespace WitHost.Wamr.Tests;

/// <summary>The guest's stdin, stdout and stderr are what the host chose (WasiOptions), per instance.</summary>
public sealed class StdioTests
{
    private static WamrInstance Instantiate(WamrModule module, WasiOptions wasi)
        => module.Instantiate(options: new InstanceOptions { Wasi = wasi });

    [Fact]
    public void By_default_writes_succeed_and_reads_see_end_of_input()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Loadable);
        using var instance = module.Instantiate();
        Assert.Equal(0, instance.Invoke("print-both", 1)[0].AsInt32());
        Assert.Equal(100_000, instance.Invoke("write-bytes", 1, 100_000)[0].AsInt32());
        Assert.Equal(100_000, instance.Invoke("write-bytes", 2, 100_000)[0].AsInt32());
        Assert.Equal(0, instance.Invoke("echo-stdin")[0].AsInt32());
    }

    [Fact]
    public void Stdout_and_stderr_go_to_their_own_streams()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Loadable);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        using (var instance = Instantiate(module, new WasiOptions { Stdout = WasiOutput.ToStream(stdout), Stderr = WasiOutput.ToStream(stderr) }))
        {
            Assert.Equal(0, instance.Invoke("print-both", 42)[0].AsInt32());
        }
        Assert.Equal("guest stdout 42\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("guest stderr 42\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public void A_callback_receives_every_byte_in_order_even_past_the_pipe_capacity()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Loadable);
        var received = new MemoryStream();
        var output = WasiOutput.ToCallback(bytes => received.Write(bytes));
        const int size = 1 << 20;
        using (var instance = Instantiate(module, new WasiOptions { Stdout = output }))
        {
            Assert.Equal(size, instance.Invoke("write-bytes", 1, size)[0].AsInt32());
        }
        byte[] bytes = received.ToArray();
        Assert.Equal(size, bytes.Length);
        // The guest writes 4096-byte chunks of 'a'..'z' repeated.
        for (int i = 0; i < bytes.Length; i++)
        {
            Assert.Equal((byte)('a' + i % 4096 % 26), bytes[i]);
        }
    }

    [Fact]
    public void Stdin_bytes_are_read_by_every_instance_from_the_start()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Loadable);
        var input = WasiInput.FromBytes("line one\nline two\n"u8);
        for (int i = 0; i < 2; i++)
        {
            var stdout = new MemoryStream();
            using (var instance = Instantiate(module, new WasiOptions { Stdin = input, Stdout = WasiOutput.ToStream(stdout) }))
            {
                Assert.Equal(18, instance.Invoke("echo-stdin")[0].AsInt32());
            }
            Assert.Equal("line one\nline two\n", Encoding.UTF8.GetString(stdout.ToArray()));
        }
    }

    [Fact]
    public void Stdin_from_a_stream_larger_than_the_pipe_reaches_the_guest_whole()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Loadable);
        byte[] data = new byte[300_000];
        new Random(12).NextBytes(data);
        var stdout = new MemoryStream();
        using (var instance = Instantiate(module, new WasiOptions
        {
            Stdin = WasiInput.FromStream(new MemoryStream(data)),
            Stdout = WasiOutput.ToStream(stdout),
        }))
        {
            Assert.Equal(data.Length, instance.Invoke("echo-stdin")[0].AsInt32());
        }
        Assert.Equal(data, stdout.ToArray());
    }

    [Fact]
    public void Instances_of_one_module_keep_their_own_streams_when_created_from_many_threads()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Loadable);
        var outputs = new ConcurrentDictionary<int, string>();
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var stdout = new MemoryStream();
            var stderr = new MemoryStream();
            using (var instance = Instantiate(module, new WasiOptions { Stdout = WasiOutput.ToStream(stdout), Stderr = WasiOutput.ToStream(stderr) }))
            {
                instance.Invoke("print-both", i);
            }
            outputs[i] = Encoding.UTF8.GetString(stdout.ToArray()) + Encoding.UTF8.GetString(stderr.ToArray());
        });
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal($"guest stdout {i}\nguest stderr {i}\n", outputs[i]);
        }
    }

    [Fact]
    public void A_failing_stream_loses_the_rest_of_the_output_but_never_stalls_the_guest()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(StdioGuest.Loadable);
        int calls = 0;
        var output = WasiOutput.ToCallback(_ =>
        {
            calls++;
            throw new IOException("the host's log is full");
        });
        using (var instance = Instantiate(module, new WasiOptions { Stdout = output }))
        {
            Assert.Equal(1 << 20, instance.Invoke("write-bytes", 1, 1 << 20)[0].AsInt32());
        }
        Assert.Equal(1, calls);
    }
}
