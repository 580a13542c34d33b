using WitHost.Wit.Collections;

namespace WitHost.Wit.Model;

/// <summary>A resolved package: its interfaces and worlds.</summary>
/// <param name="Name">The package name, e.g. <c>wasi:io@0.2.0</c>.</param>
/// <param name="Interfaces">Its interfaces, in dependency order (an interface follows those it <c>use</c>s).</param>
/// <param name="Worlds">Its worlds, in declaration order.</param>
/// <param name="Docs">The doc comment on the <c>package</c> declaration, or null.</param>
public sealed record WitPackage(
    WitPackageName Name,
    EquatableArray<WitInterface> Interfaces,
    EquatableArray<WitWorld> Worlds,
    string? Docs)
{
    /// <summary>The interface called <paramref name="name"/>, or null.</summary>
    public WitInterface? FindInterface(string name)
    {
        foreach (var item in Interfaces)
        {
            if (item.Name == name)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>The world called <paramref name="name"/>, or null.</summary>
    public WitWorld? FindWorld(string name)
    {
        foreach (var item in Worlds)
        {
            if (item.Name == name)
            {
                return item;
            }
        }

        return null;
    }
}
