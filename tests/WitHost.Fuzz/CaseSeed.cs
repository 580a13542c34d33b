namespace WitHost.Fuzz;

/// <summary>
/// The seed of case <c>index</c> of a campaign run with <c>seed</c>: the same in every process
/// (unlike <see cref="HashCode"/>, which is salted per process), so a finding can be replayed.
/// </summary>
public static class CaseSeed
{
    public static int Of(int seed, long index)
    {
        // splitmix64's finaliser over the pair.
        ulong z = unchecked(((ulong)(uint)seed << 32) + (ulong)index + 0x9E3779B97F4A7C15);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EB);
        return (int)(z ^ (z >> 31));
    }
}
