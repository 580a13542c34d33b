using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The round-trip world (wit/roundtrip.wit): every type crosses to the host's imports and back.</summary>
[WitHost("../../wit/roundtrip.wit", World = "roundtrip")]
internal partial class RoundtripHost;
