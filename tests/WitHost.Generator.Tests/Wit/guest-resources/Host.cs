using WitHost;

namespace Example.App;

[WitHost("guest-resources.wit")]
internal partial class GuestResourcesHost;
