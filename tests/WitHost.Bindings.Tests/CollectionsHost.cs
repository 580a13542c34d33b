using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The collections world (wit/collections.wit beside this file): maps and fixed-length lists.</summary>
[WitHost("wit/collections.wit", World = "collections")]
internal partial class CollectionsHost;
