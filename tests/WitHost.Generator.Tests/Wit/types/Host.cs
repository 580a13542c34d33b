using WitHost;

namespace Example.App;

[WitHost("types.wit")]
internal partial class TypesHost;
