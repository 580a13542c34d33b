using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The abi-call world (wit/abi-call.wit), whose guest can also return values lifting must reject.</summary>
[WitHost("../../wit/abi-call.wit", World = "abi-call")]
internal partial class AbiCallHost;
