using WitHost;

namespace WitHost.Wamr.Benchmarks.Generated;

/// <summary>The async-bench world (wit/async-bench.wit), bound by the source generator: the .NET side of the async benchmarks.</summary>
[WitHost("../../wit/async-bench.wit", World = "async-bench")]
internal partial class AsyncBenchHost;
