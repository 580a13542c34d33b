using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The world of tests/guests/resource-misuse.c (wit/resource-misuse.wit here).</summary>
[WitHost("wit/resource-misuse.wit", World = "resource-misuse")]
internal partial class ResourceMisuseHost;
