using WitHost.Generator.Emitting;
using WitHost.Generator.Model;
using WitHost.Generator.Binding;
using WitHost.Wit;
using WitHost.Wit.Collections;

namespace WitHost.Generator;

/// <summary>
/// The generator's stages as plain calls. <see cref="WitHostGenerator"/> wires the same functions
/// into incremental steps; <c>wit-host generate</c> calls <see cref="Generate"/> for one host, so
/// the command line writes exactly what a compilation would get and there is no second code path.
/// </summary>
internal static class WorldGeneration
{
    /// <summary>
    /// Binds a host's world: the WIT binder, then, for C#-first interfaces, the user's C# names and
    /// types in place of the ones generated from WIT.
    /// </summary>
    public static WorldBindingResult Bind(HostSources sources)
    {
        // A C#-first host without a world has had its problems reported with its interfaces.
        if (sources.Spec.HasCSharpFirstInterfaces && sources.Packages.IsEmpty && sources.Spec.WitPath.Length == 0)
        {
            return new WorldBindingResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        return CSharpFirst.CSharpFirstBinding.Apply(WorldBinder.Bind(sources), sources.CSharpFirstInterfaces);
    }

    /// <summary>The host class and its nested guest class for a bound world; nothing for a class the generator cannot add to.</summary>
    public static IEnumerable<GeneratedSourceFile> EmitWorld(WorldBinding world)
    {
        if (!world.Spec.IsExtensible)
        {
            yield break;
        }


        yield return new GeneratedSourceFile(HostEmitter.HintName(world.Spec), HostEmitter.Emit(world));
        yield return new GeneratedSourceFile(GuestEmitter.HintName(world.Spec), GuestEmitter.Emit(world));
    }

    /// <summary>The types and interfaces of one scope (a WIT interface or a world's own types).</summary>
    public static GeneratedSourceFile EmitScope(ScopeBinding scope)
        => new(ScopeEmitter.HintName(scope), ScopeEmitter.Emit(scope));

    /// <summary>
    /// Runs every stage for a single host: select its WIT among <paramref name="files"/>, resolve and
    /// bind the world, emit it, merge its scopes (as a compilation with this one host would) and emit them.
    /// </summary>
    /// <param name="spec">The host, as the attribute would describe it.</param>
    /// <param name="files">The .wit files available, with normalised paths.</param>
    /// <param name="projectDirectory">Where a relative <see cref="HostSpec.WitPath"/> is looked up first; may be empty.</param>
    public static GeneratedWorld Generate(HostSpec spec, IEnumerable<WitSourceFile> files, string projectDirectory)
    {
        var ordered = files.OrderBy(file => file.Path, StringComparer.Ordinal).ToEquatableArray();
        var sources = WitSourceSelector.Select(spec, ordered, projectDirectory);
        var bound = Bind(sources);

        var generated = new List<GeneratedSourceFile>();
        var diagnostics = new List<DiagnosticInfo>(bound.Diagnostics);
        if (bound.Binding is { } world)
        {
            generated.AddRange(EmitWorld(world));
        }

        var merged = ScopeMerger.Merge(new[] { bound });
        diagnostics.AddRange(merged.Diagnostics);
        generated.AddRange(merged.Scopes.Where(scope => !scope.IsDeclaredInCSharp).Select(EmitScope));
        return new GeneratedWorld(generated.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
