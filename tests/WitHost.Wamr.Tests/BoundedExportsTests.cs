using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Tests;

/// <summary>
/// The analysis behind bounded exports on call graphs a compiler would not write: it must say
/// no, in time linear in the module, where the worst case explodes or the calls nest deeper than
/// a thread's stack would let a recursive walk go.
/// </summary>
public sealed class BoundedExportsTests
{
    [Fact]
    public void Calls_count_once_per_call_instruction_so_a_doubling_chain_is_not_bounded()
    {
        // Function i calls function i + 1 twice: 60 functions of a few bytes run 2^60 of them.
        const int count = 60;
        var bodies = Enumerable.Range(0, count)
            .Select(i => new FunctionBodyShape(4, unbounded: false, i + 1 < count ? [(uint)i + 1, (uint)i + 1] : []))
            .ToList();
        Assert.Empty(BoundedExports.Find(0, bodies, [("root", 0u)]));
        Assert.Equal(["leaf"], BoundedExports.Find(0, bodies, [("leaf", count - 1)]));
    }

    [Fact]
    public void A_call_chain_deeper_than_the_stack_is_walked_without_recursion()
    {
        const int count = 500_000;
        var bodies = Enumerable.Range(0, count)
            .Select(i => new FunctionBodyShape(1, unbounded: false, i + 1 < count ? [(uint)i + 1] : []))
            .ToList();
        // Half a million calls in a row is over the budget, the last thousand are not.
        Assert.Equal(["near-end"], BoundedExports.Find(0, bodies, [("root", 0u), ("near-end", count - 1000)]).Order());
    }

    [Fact]
    public void What_an_unbounded_or_host_function_reaches_is_not_bounded_through_any_path()
    {
        // 0 is a host function; 1 calls 2 and 3; 3 has a loop; 4 calls only 2.
        List<FunctionBodyShape> bodies =
        [
            new(3, unbounded: false, [1, 2]),
            new(3, unbounded: false, []),
            new(3, unbounded: true, []),
            new(3, unbounded: false, [2]),
            new(3, unbounded: false, [0]),
        ];
        Assert.Equal(
            ["calls-leaf", "leaf"],
            BoundedExports.Find(1, bodies, [("mixed", 1u), ("leaf", 2u), ("loops", 3u), ("calls-leaf", 4u), ("host", 0u), ("calls-host", 5u)]).Order(StringComparer.Ordinal));
    }
}
