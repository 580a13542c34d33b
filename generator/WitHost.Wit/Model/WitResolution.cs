using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;

namespace WitHost.Wit.Model;

/// <summary>The outcome of resolving WIT: the packages and every diagnostic found.</summary>
/// <param name="Root">The root package (the file or directory asked for), or null when it could not be resolved.</param>
/// <param name="Packages">Every resolved package, dependencies before dependents; includes <see cref="Root"/>.</param>
/// <param name="Diagnostics">All problems, in source order per file.</param>
public sealed record WitResolution(WitPackage? Root, EquatableArray<WitPackage> Packages, EquatableArray<WitDiagnostic> Diagnostics)
{
    /// <summary>
    /// The features the <c>@unstable</c> gates of the resolved items name, enabled or not, in
    /// ordinal order: a feature asked for that is not among them gates nothing.
    /// </summary>
    public EquatableArray<string> GatedFeatures { get; init; } = EquatableArray<string>.Empty;

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == WitDiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
