using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The large-memory world (wit/large-memory.wit beside this file): a guest whose memory grows past 2 GiB.</summary>
[WitHost("wit/large-memory.wit", World = "large-memory")]
internal partial class LargeMemoryHost;
