using WitHost.Wit.Model;

namespace WitHost.Analyzers.Wit;

/// <summary>What a host's WIT path leads to.</summary>
/// <param name="ResolvedRootPath">The path the WIT was found at, or, when nothing was found, every path tried (comma-separated).</param>
/// <param name="Resolution">The resolved packages, or null when no .wit AdditionalFile is at the path.</param>
internal sealed record HostWit(string ResolvedRootPath, WitResolution? Resolution);
