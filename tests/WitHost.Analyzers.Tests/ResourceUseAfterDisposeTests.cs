using WitHost.Analyzers.Resources;
using WitHost.Analyzers.Tests.TestSupport;

namespace WitHost.Analyzers.Tests;

/// <summary>WITHOST1004: a guest-exported resource handle used after Dispose, and the code it must leave alone.</summary>
public sealed class ResourceUseAfterDisposeTests
{
    // The runtime's marker interface (declared here as the runtime declares it) and a handle class
    // of the kind the generator emits for an exported resource.
    private const string Resources = """
        namespace WitHost
        {
            public interface IGuestResource : global::System.IDisposable
            {
                bool IsDisposed { get; }
            }
        }

        public sealed class Counter : WitHost.IGuestResource
        {
            public uint Get() => 0;
            public bool IsDisposed => false;
            public void Dispose() { }
            public static Counter Create() => new();
        }

        public static class Use
        {
            public static void Keep(Counter counter) { }
            public static bool Check() => true;
        }

        """;

    private static Task RunAsync(string body)
        => Verify.Analyzer<ResourceUseAfterDisposeAnalyzer>(Resources + "public static class Program\n{\n" + body + "\n}\n").RunAsync();

    [Fact]
    public Task StraightLineUsesAfterDisposeAreReportedAtTheVariable()
        => RunAsync("""
            public static uint Run()
            {
                var counter = Counter.Create();
                counter.Dispose();
                Use.Keep({|WITHOST1004:counter|});
                return {|WITHOST1004:counter|}.Get();
            }
            """);

    [Fact]
    public async Task MessageNamesTheVariable()
    {
        var test = Verify.Analyzer<ResourceUseAfterDisposeAnalyzer>(Resources + """
            public static class Program
            {
                public static uint Run(Counter counter)
                {
                    counter?.Dispose();
                    return {|#0:counter|}.Get();
                }
            }
            """);
        await test.Expecting(Descriptors.ResourceUsedAfterDispose, "'counter' is used after it was disposed; the guest has dropped the resource").RunAsync();
    }

    [Fact]
    public Task DisposeOnBothBranchesIsReportedAfterThem()
        => RunAsync("""
            public static uint Run(bool early)
            {
                var counter = Counter.Create();
                if (early)
                {
                    counter.Dispose();
                }
                else
                {
                    Use.Keep(counter);
                    counter.Dispose();
                }

                return {|WITHOST1004:counter|}.Get();
            }
            """);

    [Fact]
    public Task DisposeOnOneBranchOnlyIsNotReported()
        => RunAsync("""
            public static uint Run(bool early)
            {
                var counter = Counter.Create();
                if (early)
                {
                    counter.Dispose();
                }

                return counter.Get();
            }
            """);

    [Fact]
    public Task BranchThatDisposesAndLeavesIsNotReported()
        => RunAsync("""
            public static uint Run(bool early)
            {
                var counter = Counter.Create();
                if (early)
                {
                    counter.Dispose();
                    return 0;
                }

                return counter.Get();
            }
            """);

    [Fact]
    public Task ReassignmentEndsTheDisposedState()
        => RunAsync("""
            public static uint Run()
            {
                var counter = Counter.Create();
                counter.Dispose();
                counter = Counter.Create();
                var total = counter.Get();
                counter.Dispose();
                if (Use.Check())
                {
                    counter = Counter.Create();
                }
                else
                {
                    counter = null;
                }

                return total + (counter?.Get() ?? 0);
            }
            """);

    [Fact]
    public Task ReassignmentFromTheDisposedValueStillReadsIt()
        => RunAsync("""
            public static uint Run(Counter other)
            {
                var counter = Counter.Create();
                counter.Dispose();
                counter = {|WITHOST1004:counter|}.Get() > 0 ? other : Counter.Create();
                return counter.Get();
            }
            """);

    [Fact]
    public Task UsingStatementDisposesItsResourceAtTheEnd()
        => RunAsync("""
            public static uint Run(Counter counter)
            {
                uint value;
                using (counter)
                {
                    value = counter.Get();
                }

                return value + {|WITHOST1004:counter|}.Get();
            }
            """);

    [Fact]
    public Task UsingWhoseBodyStoresAnotherHandleLeavesThatOneLive()
        => RunAsync("""
            public static uint Run(Counter counter)
            {
                using (counter)
                {
                    counter = Counter.Create();
                }

                return counter.Get();
            }
            """);

    [Fact]
    public Task WritesThroughARefLocalEndTracking()
        => RunAsync("""
            public static uint Run()
            {
                var counter = Counter.Create();
                ref var alias = ref counter;
                counter.Dispose();
                alias = Counter.Create();
                return counter.Get();
            }
            """);

    [Fact]
    public Task UsingDeclarationWithAnEarlyDisposeIsReported()
        => RunAsync("""
            public static uint Run()
            {
                using var counter = Counter.Create();
                var value = counter.Get();
                counter.Dispose();
                return value + {|WITHOST1004:counter|}.Get();
            }
            """);

    [Fact]
    public Task UsingDeclarationAloneIsNotReported()
        => RunAsync("""
            public static uint Run()
            {
                using var counter = Counter.Create();
                Use.Keep(counter);
                return counter.Get();
            }
            """);

    [Fact]
    public Task NullChecksAndASecondDisposeAreNotUses()
        => RunAsync("""
            public static bool Run()
            {
                var counter = Counter.Create();
                counter.Dispose();
                counter.Dispose();
                return counter != null && counter is not null;
            }
            """);

    [Fact]
    public Task AskingIsDisposedIsNotAUse()
        => RunAsync("""
            public static bool Run()
            {
                var counter = Counter.Create();
                counter.Dispose();
                return counter.IsDisposed && counter?.IsDisposed == true;
            }
            """);

    [Fact]
    public Task LoopsKeepOnlyWhatTheyDoNotWrite()
        => RunAsync("""
            public static uint Run(Counter[] counters)
            {
                var counter = Counter.Create();
                counter.Dispose();
                uint total = 0;
                foreach (var item in counters)
                {
                    total += item.Get();
                    item.Dispose();
                    total += {|WITHOST1004:item|}.Get();
                    Use.Keep({|WITHOST1004:counter|});
                }

                var current = Counter.Create();
                for (var i = 0; i < 3; i++)
                {
                    total += current.Get();
                    current.Dispose();
                    current = Counter.Create();
                }

                return total + current.Get();
            }
            """);

    [Fact]
    public Task VariablesALambdaWritesAreNotTracked()
        => RunAsync("""
            public static uint Run()
            {
                var counter = Counter.Create();
                System.Action renew = () => counter = Counter.Create();
                counter.Dispose();
                renew();
                return counter.Get();
            }
            """);

    [Fact]
    public Task LambdaBodiesAreCheckedOnTheirOwn()
        => RunAsync("""
            public static System.Func<uint> Run(Counter captured)
            {
                captured.Dispose();
                return () =>
                {
                    var own = Counter.Create();
                    own.Dispose();
                    return captured.Get() + {|WITHOST1004:own|}.Get();
                };
            }
            """);

    [Fact]
    public Task TryAndCatchMeetLikeBranches()
        => RunAsync("""
            public static uint Run()
            {
                var counter = Counter.Create();
                try
                {
                    counter.Dispose();
                }
                catch (System.InvalidOperationException)
                {
                    counter = Counter.Create();
                }

                var value = counter.Get();
                var other = Counter.Create();
                try
                {
                    other.Dispose();
                }
                finally
                {
                    value++;
                }

                return value + {|WITHOST1004:other|}.Get();
            }
            """);

    [Fact]
    public Task OtherDisposableTypesAreNotTracked()
        => RunAsync("""
            public static int Run()
            {
                var stream = new System.IO.MemoryStream();
                stream.Dispose();
                return stream.GetHashCode();
            }
            """);
}
