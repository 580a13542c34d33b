using WitHost.Wamr;
using WitHost.Wamr.Bindings;
using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The Canonical ABI context a generated call works in: an instance lends its one context to a
/// whole call instead of allocating one per call, so a string call allocates only its result,
/// and never lends it twice at once.
/// </summary>
public sealed class CallContextTests : IClassFixture<SampleGuest>
{
    private readonly SampleGuest _guest;
    private readonly RecordingHost _host = new();

    public CallContextTests(SampleGuest guest) => _guest = guest;

    [Fact]
    public void String_calls_allocate_only_their_result()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        const string text = "sixteen chars ok";
        var strings = guest.Strings;

        // Warm up: the first calls compile the wrappers and look cabi_realloc up.
        Run(100);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        var result = new string('x', text.Length);
        var perResult = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(text.Length, result.Length);
        Assert.Equal(1000 * perResult, allocated);

        void Run(int rounds)
        {
            for (var i = 0; i < rounds; i++)
            {
                Assert.Equal("ko srahc neetxis", strings.Reverse(text));
            }
        }
    }

    [Fact]
    public void A_whole_call_reuses_the_instances_context_reset()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var instance = guest.Instance;
        CanonicalAbiContext first;
        using (instance.EnterCall())
        {
            first = BindingSupport.Context(instance, StringEncoding.Utf8, "first");
            first.ChargeLift(100, "a test value");
        }

        using (instance.EnterCall())
        {
            var second = BindingSupport.Context(instance, StringEncoding.Utf16, "second");
            Assert.Same(first, second);
            Assert.Equal("second", second.FunctionName);
            Assert.Equal(StringEncoding.Utf16, second.Encoding);
            Assert.Equal(0ul, second.LiftedBytes);
        }
    }

    [Fact]
    public void A_context_in_use_is_not_lent_again()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var instance = guest.Instance;
        using var outer = instance.EnterCall();
        var outerContext = BindingSupport.Context(instance, StringEncoding.Utf8, "outer");

        // A host function serving the call, or a call it makes back into the guest, asks too.
        var sameScope = BindingSupport.Context(instance, StringEncoding.Utf8, "import");
        CanonicalAbiContext nested;
        using (instance.EnterCall())
        {
            nested = BindingSupport.Context(instance, StringEncoding.Utf8, "nested");
        }

        // Another thread (which would wait for the instance before calling into it).
        CanonicalAbiContext? otherThread = null;
        var thread = new Thread(() => otherThread = BindingSupport.Context(instance, StringEncoding.Utf8, "other"));
        thread.Start();
        thread.Join();

        Assert.NotNull(otherThread);
        Assert.Equal(4, new HashSet<CanonicalAbiContext>([outerContext, sameScope, nested, otherThread], ReferenceEqualityComparer.Instance).Count);
        Assert.Equal("outer", outerContext.FunctionName);
    }

    [Fact]
    public void A_scope_gives_its_call_the_instances_context_until_it_ends()
    {
        // Generated export calls take their context from their scope, which skips the ownership
        // check BindingSupport.Context makes: it must lend the same context the same way.
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var instance = guest.Instance;
        var scope = instance.EnterCall();
        var first = scope.Context(StringEncoding.Utf8, "first");
        first.ChargeLift(100, "a test value");
        var inUse = scope.Context(StringEncoding.Utf8, "in use");
        scope.Dispose();
        var refused = false;
        try
        {
            scope.Context(StringEncoding.Utf8, "ended");
        }
        catch (ObjectDisposedException)
        {
            refused = true;
        }

        using var next = instance.EnterCall();
        var second = next.Context(StringEncoding.Utf16, "second");

        Assert.NotSame(first, inUse);
        Assert.True(refused);
        Assert.Same(first, second);
        Assert.Equal(StringEncoding.Utf16, second.Encoding);
        Assert.Equal(0ul, second.LiftedBytes);
        Assert.NotSame(second, BindingSupport.Context(instance, StringEncoding.Utf8, "lent already"));
    }

    [Fact]
    public void Outside_a_whole_call_every_context_is_new()
    {
        using var guest = SampleHost.Instantiate(_guest.Module, _host.Imports);
        var instance = guest.Instance;
        Assert.NotSame(
            BindingSupport.Context(instance, StringEncoding.Utf8, "a"),
            BindingSupport.Context(instance, StringEncoding.Utf8, "b"));
    }
}
