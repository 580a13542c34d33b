using WitHost.Wit.Collections;

namespace WitHost.Wamr.Values;

/// <summary>Finds a field, case or flag by label among a type's declared members.</summary>
internal static class LabelLookup
{
    /// <summary>The index of the first item matching <paramref name="predicate"/>, or -1.</summary>
    public static int IndexOf<T>(EquatableArray<T> items, Func<T, bool> predicate)
        where T : IEquatable<T>
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (predicate(items[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
