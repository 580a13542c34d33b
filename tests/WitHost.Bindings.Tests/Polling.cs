namespace WitHost.Bindings.Tests;

/// <summary>Waiting for something another thread makes true (a host task that ends after the guest went), within a patience.</summary>
internal static class Polling
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test when it does not within <paramref name="patience"/>.</summary>
    public static async Task Until(Func<bool> condition, TimeSpan patience)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < patience, "the condition never held");
            await Task.Delay(5);
        }
    }
}
