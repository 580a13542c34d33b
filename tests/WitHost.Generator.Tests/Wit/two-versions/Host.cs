using WitHost;

namespace Example.App;

[WitHost("two-versions.wit")]
internal partial class TwoVersionsHost;
