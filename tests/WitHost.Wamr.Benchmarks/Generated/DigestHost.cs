using WitHost;

namespace WitHost.Wamr.Benchmarks.Generated;

/// <summary>The digest world (wit/digest.wit), bound by the source generator: the WAMR side of the engine benchmarks.</summary>
[WitHost("../../wit/digest.wit", World = "digest")]
internal partial class DigestHost;
