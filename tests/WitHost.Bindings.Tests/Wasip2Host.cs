using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The generated host of tests/guests/wasip2.c (wit/wasip2.wit beside this file), whose world imports no WASI.</summary>
[WitHost("wit/wasip2.wit", World = "wasip2")]
internal partial class Wasip2Host;
