using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Cli.Abi;

/// <summary>
/// The types a world's guest handles in memory, each once, every type after the types it holds
/// (the order C needs its definitions in): the named types of the world and of the interfaces it
/// imports and exports, then the anonymous ones its functions use. Aliases are followed; scalars,
/// strings and resources are left out (they need no definition of their own). Types with one C
/// name are one type to C (<c>list&lt;point&gt;</c> reached through a <c>use</c> and directly, say),
/// so only the first is kept.
/// </summary>
internal static class WorldTypes
{
    public static IReadOnlyList<WitType> Collect(WitWorld world, CoreWorldBindings bindings)
    {
        var seen = new HashSet<WitType>();
        var ordered = new List<WitType>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in world.Imports.Concat(world.Exports))
        {
            switch (item)
            {
                case WitWorldTypeItem typeItem:
                    Visit(typeItem.Type, seen, ordered);
                    break;
                case WitWorldInterfaceItem interfaceItem:
                    foreach (var type in interfaceItem.Interface.Types)
                    {
                        Visit(type, seen, ordered);
                    }

                    break;
            }
        }

        var functions = bindings.Imports.Select(import => import.Function).Concat(bindings.Exports.Select(export => export.Function));
        foreach (var function in functions)
        {
            foreach (var parameter in function.Parameters)
            {
                Visit(parameter.Type, seen, ordered);
            }

            if (function.Result is { } result)
            {
                Visit(result, seen, ordered);
            }
        }

        return ordered.Where(type => names.Add(CNames.Type(type))).ToList();
    }

    private static void Visit(WitType type, HashSet<WitType> seen, List<WitType> ordered)
    {
        var unaliased = type.Unaliased;
        if (CNames.IsScalar(unaliased) || unaliased is WitPrimitiveType || !seen.Add(unaliased))
        {
            return;
        }

        switch (unaliased)
        {
            case WitListType list:
                Visit(list.Element, seen, ordered);
                break;
            case WitMapType map:
                Visit(Despecialized.MapEntry(map), seen, ordered);
                break;
            default:
                foreach (var field in Despecialized.Fields(unaliased) ?? [])
                {
                    Visit(field, seen, ordered);
                }

                foreach (var payload in Despecialized.Cases(unaliased) ?? [])
                {
                    if (payload is not null)
                    {
                        Visit(payload, seen, ordered);
                    }
                }

                break;
        }

        ordered.Add(unaliased);
    }
}
