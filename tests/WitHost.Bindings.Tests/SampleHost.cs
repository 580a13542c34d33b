using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The sample world (wit/sample.wit), generated from the repository's WIT.</summary>
[WitHost("../../wit/sample.wit", World = "sample")]
internal partial class SampleHost;
