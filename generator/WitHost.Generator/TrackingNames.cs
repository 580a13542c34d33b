namespace WitHost.Generator;

/// <summary>Names of the pipeline steps, so tests can check which steps ran again after an edit.</summary>
internal static class TrackingNames
{
    public const string HostSpecs = nameof(HostSpecs);
    public const string CSharpFirstInterfaces = nameof(CSharpFirstInterfaces);
    public const string WitFiles = nameof(WitFiles);
    public const string ProjectDirectory = nameof(ProjectDirectory);
    public const string HostSources = nameof(HostSources);
    public const string WorldBindings = nameof(WorldBindings);
    public const string MergedScopes = nameof(MergedScopes);
    public const string Scopes = nameof(Scopes);
}
