using WitHost;

namespace Example.App;

[WitHost("sample.wit", World = "sample")]
internal partial class SampleHost;
