using WitHost;

namespace Example.App;

[WitHost("import-export.wit")]
internal partial class ImportExportHost;
