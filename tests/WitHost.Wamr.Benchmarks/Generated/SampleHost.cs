using WitHost;

namespace WitHost.Wamr.Benchmarks.Generated;

/// <summary>The sample world (wit/sample.wit), bound by the source generator.</summary>
[WitHost("../../wit/sample.wit", World = "sample")]
internal partial class SampleHost;
