using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The world of tests/guests/exit-borrow.c (wit/exit-borrow.wit here).</summary>
[WitHost("wit/exit-borrow.wit", World = "exit-borrow")]
internal partial class ExitBorrowHost;
