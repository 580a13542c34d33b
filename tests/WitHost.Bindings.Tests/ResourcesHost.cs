using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The resources world (wit/resources.wit), generated from the repository's WIT.</summary>
[WitHost("../../wit/resources.wit", World = "resources")]
internal partial class ResourcesHost;
