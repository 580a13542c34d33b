using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The traps world (wit/traps.wit beside this file): a guest that breaks the ABI's rules.</summary>
[WitHost("wit/traps.wit", World = "traps")]
internal partial class TrapsHost;
