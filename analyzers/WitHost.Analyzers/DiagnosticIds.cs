namespace WitHost.Analyzers;

/// <summary>
/// The ids of the analyzers' diagnostics. WITHOST0001–0005 keep the ids the generator used for the
/// same checks, so documentation and existing suppressions stay valid; WITHOST10xx are the
/// analyzers' own.
/// </summary>
public static class DiagnosticIds
{
    public const string HostTypeNotPartial = "WITHOST0001";
    public const string HostTypeNested = "WITHOST0002";
    public const string WitPathNotInAdditionalFiles = "WITHOST0003";
    public const string WorldNotFound = "WITHOST0004";
    public const string WorldNotSpecified = "WITHOST0005";
    public const string InvalidWitName = "WITHOST1001";
    public const string InterfaceNotFound = "WITHOST1002";
    public const string ImportWithoutImplementation = "WITHOST1003";
    public const string ResourceUsedAfterDispose = "WITHOST1004";
}
