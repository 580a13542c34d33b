using WitHost;

namespace Example.App;

[WitHost("resources.wit")]
internal partial class ResourcesHost;
