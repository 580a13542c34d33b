using WitHost.Wit;
using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>The files that together form one WIT package (a single file, or the .wit files of one directory).</summary>
/// <param name="Files">The files, ordered by path.</param>
internal sealed record WitSourcePackage(EquatableArray<WitSourceFile> Files);
