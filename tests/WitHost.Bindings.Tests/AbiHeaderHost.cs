using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The abi-header world (wit/abi-header.wit), whose guest is written against the C header <c>wit-host abi --c-header</c> writes.</summary>
[WitHost("../../wit/abi-header.wit", World = "abi-header")]
internal partial class AbiHeaderHost;
