using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The mismatch world (wit/mismatch.wit beside this file), whose guests are checked before they run.</summary>
[WitHost("wit/mismatch.wit", World = "mismatch")]
internal partial class MismatchHost;
