namespace WitHost.Abi.Tests;

/// <summary>
/// Every Canonical ABI vector computed by the spec's reference implementation, one test row per
/// case id. Run just these with <c>dotnet test --filter FullyQualifiedName~AbiVectors</c>.
/// </summary>
public sealed class AbiVectorsTests
{
    public static TheoryData<string> CaseIds => new(AbiVectorCatalog.Ids);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case(string id)
    {
        if (id == AbiVectorCatalog.MissingId)
        {
            Assert.Fail($"The Canonical ABI vectors are missing: expected *.jsonl files in {AbiVectorCatalog.SharedDirectory} (the shared/ folder beside the repository).");
        }

        AbiVectorRunner.Run(id, AbiVectorCatalog.Get(id));
    }
}
