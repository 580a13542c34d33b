using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The both world (wit/both.wit beside this file): one interface imported and exported.</summary>
[WitHost("wit/both.wit", World = "both")]
internal partial class BothHost;
