using WitHost;

namespace WitHost.Wamr.Benchmarks.Generated;

/// <summary>The resources world (wit/resources.wit), bound by the source generator.</summary>
[WitHost("../../wit/resources.wit", World = "resources")]
internal partial class ResourcesHost;
