namespace WitHost.Wamr.Tests;

public sealed class ThreadingTests
{
    private static uint Spin(uint seed, uint n)
    {
        uint x = seed;
        for (uint i = 0; i < n; i++)
        {
            x = x * 1664525u + 1013904223u;
        }
        return x;
    }

    [Fact]
    public async Task Two_instances_run_on_two_threads_at_once()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var barrier = new Barrier(2);

        uint Run(uint seed, int offset)
        {
            // Each thread creates and uses its own instance, with its own host function.
            using var instance = module.Instantiate(CoreGuest.DefaultImports(offset));
            barrier.SignalAndWait();
            uint last = 0;
            for (int i = 0; i < 20; i++)
            {
                last = instance.Invoke("spin", seed, 200_000u)[0].AsUInt32();
                Assert.Equal(10 * (1 + 2 + offset), instance.Invoke("call-host-add", 1, 2)[0].AsInt32());
            }
            return last;
        }

        var first = Task.Factory.StartNew(() => Run(1, 100), TaskCreationOptions.LongRunning);
        var second = Task.Factory.StartNew(() => Run(2, 200), TaskCreationOptions.LongRunning);
        Assert.Equal(Spin(1, 200_000), await first);
        Assert.Equal(Spin(2, 200_000), await second);
    }

    [Fact]
    public void One_instance_shared_by_threads_serialises_their_calls()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate(CoreGuest.DefaultImports());

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (int j = 0; j < 50; j++)
            {
                Assert.Equal(i + j, instance.Invoke("add-i32", i, j)[0].AsInt32());
                Assert.Equal(Spin((uint)i, 1000), instance.Invoke("spin", (uint)i, 1000u)[0].AsUInt32());
            }
        });
    }

    [Fact]
    public async Task An_instance_created_on_one_thread_is_called_from_another()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate(CoreGuest.DefaultImports());
        int result = await Task.Factory.StartNew(() => instance.Invoke("call-host-add", 4, 5)[0].AsInt32(), TaskCreationOptions.LongRunning);
        Assert.Equal(90, result);
    }

    [Fact]
    public void A_call_from_another_thread_waits_until_the_whole_call_ends()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate(CoreGuest.DefaultImports());

        int result = 0;
        var other = new Thread(() => result = instance.Invoke("add-i32", 4, 5)[0].AsInt32());
        using (instance.EnterCall())
        {
            // The owning thread's own core calls go on inside its call.
            Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());
            other.Start();
            Assert.False(other.Join(300));
            Assert.Equal(30, instance.Invoke("call-host-add", 1, 2)[0].AsInt32());
        }

        Assert.True(other.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(9, result);
    }

    [Fact]
    public void An_instance_cannot_be_disposed_inside_a_call_it_is_in()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate(CoreGuest.DefaultImports());
        using (instance.EnterCall())
        {
            Assert.Throws<InvalidOperationException>(instance.Dispose);
        }

        Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());
    }

    [Fact]
    public void A_call_scope_invokes_only_its_own_instances_exports_and_only_while_it_lasts()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate(CoreGuest.DefaultImports());
        using var other = module.Instantiate(CoreGuest.DefaultImports());
        WamrFunction add = instance.GetFunction("add-i32");
        Span<uint> cells = [20, 22];

        var scope = instance.EnterCall();
        scope.InvokeCells(add, cells);
        Assert.Equal(42u, cells[0]);
        try
        {
            scope.InvokeCells(other.GetFunction("add-i32"), cells);
            Assert.Fail("another instance's export ran inside this instance's call");
        }
        catch (ArgumentException)
        {
        }
        scope.Dispose();
        try
        {
            scope.InvokeCells(add, cells);
            Assert.Fail("an ended scope still called the guest");
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
