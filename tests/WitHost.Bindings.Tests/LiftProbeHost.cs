using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The lift-probe world (wit/lift-probe.wit beside this file): exports that return whatever image the host wrote into memory.</summary>
[WitHost("wit/lift-probe.wit", World = "lift-probe")]
internal partial class LiftProbeHost;
