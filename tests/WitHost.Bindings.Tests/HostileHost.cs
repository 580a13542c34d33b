using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The hostile world (wit/hostile.wit beside this file): a guest that asks the host for memory without bound.</summary>
[WitHost("wit/hostile.wit", World = "hostile")]
internal partial class HostileHost;
