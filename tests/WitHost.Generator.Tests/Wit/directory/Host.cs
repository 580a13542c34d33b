using WitHost;

namespace Example.App;

[WitHost(".", World = "greeter")]
internal partial class GreeterHost;
