using WitHost;

namespace Example.App;

[WitHost("async-resources.wit")]
internal partial class AsyncResourcesHost;
