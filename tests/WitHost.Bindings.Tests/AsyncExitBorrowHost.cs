using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The world of tests/guests/async-exit-borrow.wat (wit/async-exit-borrow.wit here).</summary>
[WitHost("wit/async-exit-borrow.wit", World = "async-exit-borrow")]
internal partial class AsyncExitBorrowHost;
