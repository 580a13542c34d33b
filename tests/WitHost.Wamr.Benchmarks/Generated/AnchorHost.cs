using WitHost;

namespace WitHost.Wamr.Benchmarks.Generated;

/// <summary>The anchor world (wit/anchor.wit), bound by the source generator: the .NET side of <see cref="AnchorBenchmarks"/>.</summary>
[WitHost("../../wit/anchor.wit", World = "anchor")]
internal partial class AnchorHost;
