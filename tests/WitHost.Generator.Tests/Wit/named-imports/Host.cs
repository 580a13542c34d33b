using WitHost;

namespace Example.App;

[WitHost("named-imports.wit")]
internal partial class NamedImportsHost;
