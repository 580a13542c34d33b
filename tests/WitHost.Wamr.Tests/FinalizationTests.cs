using System.Runtime.CompilerServices;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.Native;

namespace WitHost.Wamr.Tests;

/// <summary>The tests that count the process's live native instances and modules; they run alone.</summary>
[CollectionDefinition(nameof(NativeHandleCounting), DisableParallelization = true)]
public sealed class NativeHandleCounting;

/// <summary>
/// Instances and modules nobody disposed are freed by the finalizer (instance before module), and
/// disposing an instance disposes the host objects attached to it.
/// </summary>
[Collection(nameof(NativeHandleCounting))]
public sealed class FinalizationTests
{
    [Fact]
    public void Instances_and_modules_never_disposed_are_freed_by_the_finalizer()
    {
        using var engine = new WamrEngine();
        CollectEverything();
        int instancesBefore = WamrInstanceHandle.LiveCount;
        int modulesBefore = WamrModuleHandle.LiveCount;

        // Several rounds of 100 forgotten instances of a forgotten module each, with calls into them
        // (host functions included), so a leak would show as a count that only grows.
        for (int round = 0; round < 5; round++)
        {
            Assert.Equal(30, ForgetInstances(engine, 100));
            Assert.True(WamrInstanceHandle.LiveCount >= instancesBefore);
            CollectEverything();
            Assert.Equal(instancesBefore, WamrInstanceHandle.LiveCount);
            Assert.Equal(modulesBefore, WamrModuleHandle.LiveCount);
        }
    }

    [Fact]
    public void A_module_disposed_while_forgotten_instances_live_is_unloaded_after_them()
    {
        using var engine = new WamrEngine();
        CollectEverything();
        int modulesBefore = WamrModuleHandle.LiveCount;

        var weak = DisposeModuleAndForgetItsInstance(engine, modulesBefore);

        CollectEverything();
        Assert.False(weak.TryGetTarget(out _));
        Assert.Equal(modulesBefore, WamrModuleHandle.LiveCount);
    }

    [Fact]
    public void Disposing_an_instance_disposes_its_host_objects_once_each_even_when_one_throws()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        var instance = module.Instantiate(CoreGuest.DefaultImports());
        var table = new HandleTable<Thing>("thing");
        Thing owned = new(), sharedTwice = new(), lent = new(), throwing = new() { Throws = true };
        table.AddOwn(owned);
        table.AddOwn(sharedTwice);
        table.AddOwn(sharedTwice);
        table.AddBorrow(lent);
        table.AddOwn(throwing);
        var other = new Thing();
        instance.AttachHostObjects(table);
        instance.AttachHostObjects(other);

        var failure = Assert.Throws<AggregateException>(instance.Dispose);

        Assert.IsType<InvalidOperationException>(Assert.Single(Assert.IsType<AggregateException>(Assert.Single(failure.InnerExceptions)).InnerExceptions));
        Assert.Equal(1, owned.DisposeCount);
        Assert.Equal(1, sharedTwice.DisposeCount);
        Assert.Equal(1, throwing.DisposeCount);
        Assert.Equal(0, lent.DisposeCount);
        Assert.Equal(1, other.DisposeCount);
        Assert.Equal(0, table.Count);
        instance.Dispose();
        Assert.Equal(1, owned.DisposeCount);
        Assert.Throws<ObjectDisposedException>(() => instance.AttachHostObjects(new Thing()));
    }

    [Fact]
    public void Dispose_from_another_thread_during_a_whole_call_frees_the_instance_when_the_call_ends()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        var instance = module.Instantiate(CoreGuest.DefaultImports());
        var owned = new Thing();
        instance.AttachHostObjects(owned);
        int live = WamrInstanceHandle.LiveCount;

        using (instance.EnterCall())
        {
            // Between the core calls of a whole call (as while lifting), Dispose on another thread
            // returns at once, but the instance stays allocated: the call may still read memory.
            Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());
            var disposer = new Thread(instance.Dispose);
            disposer.Start();
            Assert.True(disposer.Join(TimeSpan.FromSeconds(10)));
            Assert.Throws<ObjectDisposedException>(() => instance.Invoke("add-i32", 1, 2));
            Assert.Equal(live, WamrInstanceHandle.LiveCount);
            Assert.Equal(0, owned.DisposeCount);
        }

        Assert.Equal(live - 1, WamrInstanceHandle.LiveCount);
        Assert.Equal(1, owned.DisposeCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ForgetInstances(WamrEngine engine, int count)
    {
        var module = engine.LoadModule(CoreGuest.Loadable);
        int result = 0;
        for (int i = 0; i < count; i++)
        {
            var instance = module.Instantiate(CoreGuest.DefaultImports());
            result = instance.Invoke("call-host-add", 1, 2)[0].AsInt32();
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<WamrInstance> DisposeModuleAndForgetItsInstance(WamrEngine engine, int modulesBefore)
    {
        var module = engine.LoadModule(CoreGuest.Loadable);
        var instance = module.Instantiate(CoreGuest.DefaultImports());
        module.Dispose();
        Assert.Equal(modulesBefore + 1, WamrModuleHandle.LiveCount);
        Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());
        return new WeakReference<WamrInstance>(instance);
    }

    internal static void CollectEverything()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private sealed class Thing : IDisposable
    {
        public bool Throws { get; init; }

        public int DisposeCount { get; private set; }

        public void Dispose()
        {
            DisposeCount++;
            if (Throws)
            {
                throw new InvalidOperationException("this thing does not go quietly");
            }
        }
    }
}
