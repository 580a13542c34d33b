namespace WitHost.Analyzers;

/// <summary>
/// The ids the code fixes act on: WITHOST0001–0005 are the generator's checks of a host declaration
/// (it reports them in every build), WITHOST10xx the analyzers' own diagnostics.
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
