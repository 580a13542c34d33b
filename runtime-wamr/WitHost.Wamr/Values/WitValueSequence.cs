using System.Collections.Immutable;

namespace WitHost.Wamr.Values;

/// <summary>Element-wise equality and hashing for the immutable arrays inside values.</summary>
internal static class WitValueSequence
{
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right)
    {
        var leftItems = left.IsDefault ? ImmutableArray<T>.Empty : left;
        var rightItems = right.IsDefault ? ImmutableArray<T>.Empty : right;
        if (leftItems.Length != rightItems.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < leftItems.Length; i++)
        {
            if (!comparer.Equals(leftItems[i], rightItems[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static int Hash<T>(ImmutableArray<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items.IsDefault ? ImmutableArray<T>.Empty : items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
