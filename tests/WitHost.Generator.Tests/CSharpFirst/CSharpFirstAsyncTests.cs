using Microsoft.CodeAnalysis;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests.CSharpFirst;

/// <summary>
/// C#-first async: a method returning <c>Task</c> or <c>ValueTask</c> with a trailing
/// <c>CancellationToken</c> derives an <c>async func</c> named without its <c>Async</c> suffix;
/// <c>Task&lt;T&gt;</c> as a value derives <c>future&lt;T&gt;</c>, <c>WitStream&lt;T&gt;</c>
/// <c>stream&lt;T&gt;</c>; and the hosts generated from it get the stubs of the derived WIT.
/// </summary>
public sealed class CSharpFirstAsyncTests
{
    private const string Runner = """
        using System.Threading;
        using System.Threading.Tasks;
        using WitHost.Wamr.Async;

        namespace Example.Jobs;

        internal interface IJob : System.IDisposable
        {
            Task<uint> WaitAsync(uint ticks, CancellationToken cancellationToken);

            uint Id();
        }

        [WitHost("example:jobs/runner")]
        internal partial interface IRunner
        {
            ValueTask<string> FetchAsync(string key, CancellationToken cancellationToken);

            Task StoreAsync(string key, uint value, CancellationToken ct);

            ValueTask PingAsync(CancellationToken cancellationToken);

            Task<uint> SumAsync(WitStream<uint> values, CancellationToken cancellationToken);

            void Notify(Task<string> done, Task finished);

            WitStream<Unit> Ticks();

            IJob Start();

            [WitName("go")]
            Task<uint> RunAsync(IJob job, CancellationToken cancellationToken);

            string DescribeAsync();
        }
        """;

    private const string RunnerWit = """
        package example:jobs;

        interface runner {
          resource job {
            wait: async func(ticks: u32) -> u32;
            id: func() -> u32;
          }

          fetch: async func(key: string) -> string;
          store: async func(key: string, value: u32);
          ping: async func();
          sum: async func(values: stream<u32>) -> u32;
          notify: func(done: future<string>, finished: future);
          ticks: func() -> stream;
          start: func() -> job;
          go: async func(job: borrow<job>) -> u32;
          describe-async: func() -> string;
        }

        """;

    [Fact]
    public void TaskMethodsDeriveAsyncFuncsAndTasksAndStreamsAsValuesDeriveFuturesAndStreams()
    {
        var run = CSharpFirstDerivationTests.Run(Runner);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(RunnerWit.Replace("\r\n", "\n"), CSharpFirstDerivationTests.WitText(run, "Example.Jobs.IRunner"));
    }

    /// <summary>
    /// Either task type works in either direction: the host may implement an imported method with
    /// <c>Task</c>, and an exported method returning <c>ValueTask</c> wraps the guest's task, so
    /// hosts importing and exporting the same interface (async resource methods included) compile.
    /// </summary>
    [Theory]
    [InlineData("WitImport")]
    [InlineData("WitExport")]
    public void AHostImportingOrExportingTheAsyncInterfaceCompiles(string direction)
    {
        var run = CSharpFirstDerivationTests.Run(Runner + $"\n[WitHost]\n[{direction}(typeof(IRunner))]\ninternal partial class RunnerHost;\n");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    private const string Contracts = """
        using WitHost;

        namespace Example.Jobs
        {
            [WitHost("example:jobs/fetcher")]
            internal partial interface IFetcher
            {
                global::System.Threading.Tasks.ValueTask<string> FetchAsync(string key, global::System.Threading.CancellationToken cancellationToken);

                global::System.Threading.Tasks.ValueTask PingAsync(global::System.Threading.CancellationToken cancellationToken);

                global::System.Threading.Tasks.ValueTask<uint> SumAsync(global::WitHost.Wamr.Async.WitStream<uint> values, global::System.Threading.CancellationToken cancellationToken);
            }

            [WitHost("example:jobs/worker")]
            internal partial interface IWorker
            {
                global::System.Threading.Tasks.Task<Example.Jobs.Worker.Outcome> RunAsync(string name, uint times, global::System.Threading.CancellationToken cancellationToken);

                global::System.Threading.Tasks.Task StopAsync(global::System.Threading.CancellationToken cancellationToken);

                void Notify(global::System.Threading.Tasks.Task<string> done);
            }

            [WitHost]
            [WitImport(typeof(IFetcher))]
            [WitExport(typeof(IWorker))]
            internal partial class JobsHost;
        }

        namespace Example.Jobs.Worker
        {
            internal sealed record Outcome(uint Count, string? Note);
        }
        """;

    /// <summary>
    /// The round trip of <see cref="CSharpFirstRoundTripTests"/> with async functions: written with
    /// the .wit path's task types (<c>ValueTask</c> for the host's, <c>Task</c> for the guest's), a
    /// C#-first host gets exactly the stubs of a host of the derived WIT.
    /// </summary>
    [Fact]
    public void TheDerivedAsyncWitGeneratesTheSameStubs()
    {
        var csharpFirst = GeneratorHarness.Run("/project/Contracts.cs", Contracts, Array.Empty<AdditionalText>());
        Assert.Empty(csharpFirst.GeneratorDiagnostics);
        Assert.Empty(csharpFirst.CompilationProblems);
        var derived = CSharpFirstDerivationTests.WitText(csharpFirst, "Example.Jobs.JobsHost");
        Assert.Contains("fetch: async func(key: string) -> string;\n  ping: async func();\n  sum: async func(values: stream<u32>) -> u32;", derived);
        Assert.Contains("run: async func(name: string, times: u32) -> outcome;\n  stop: async func();\n  notify: func(done: future<string>);", derived);

        CSharpFirstRoundTripTests.AssertSameStubs(csharpFirst, "Example.Jobs", "JobsHost", "Worker");
    }
}
