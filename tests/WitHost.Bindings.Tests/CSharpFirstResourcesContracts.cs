namespace WitHost.Bindings.Tests.CSharpFirstResources;

// The C#-first contracts of tests/guests/csharp-first-resources.c: a resource the host
// implements (an interface extending IDisposable) and an interface that hands it out, and a
// resource the guest implements, handed out by an interface the guest exports.

/// <summary>A number the host keeps for the guest.</summary>
internal interface ICounter : IDisposable
{
    /// <summary>Adds <paramref name="n"/>; the new value.</summary>
    uint Add(uint n);

    /// <summary>A new counter with this one's value (a resource as a method's result).</summary>
    ICounter Fork();
}

/// <summary>Implemented by the host: opens counters and reads their names through a borrow.</summary>
[WitHost("example:csharp-first-resources/counters")]
internal partial interface ICounters
{
    /// <summary>A new counter at 0, owned by the caller.</summary>
    ICounter Open(string name);

    /// <summary>The name of a counter the caller lends.</summary>
    string NameOf(ICounter counter);
}

/// <summary>Implemented by the guest: drives the counters.</summary>
[WitHost("example:csharp-first-resources/driver")]
internal partial interface IDriver
{
    /// <summary>Opens, adds to, forks, names and drops counters (see the guest).</summary>
    uint Run(string name);
}

/// <summary>A running total the guest keeps.</summary>
internal interface ITally : IDisposable
{
    /// <summary>Adds <paramref name="n"/>; the new total.</summary>
    uint Add(uint n);

    /// <summary>A new tally of this one's total plus <paramref name="other"/>'s (a lent tally in, an owned one out).</summary>
    ITally Merge(ITally other);
}

/// <summary>Implemented by the guest: the tallies it keeps, handed to the host.</summary>
[WitHost("example:csharp-first-resources/tallies")]
internal partial interface ITallies
{
    /// <summary>A new tally at <paramref name="total"/>, owned by the caller.</summary>
    ITally Start(uint total);

    /// <summary>The total of a tally the caller lends.</summary>
    uint Total(ITally tally);

    /// <summary>The sum of the totals of tallies the caller gives away; the guest drops them.</summary>
    uint Sum(ITally[] tallies);

    /// <summary>How many tallies the guest holds: made and not yet destroyed.</summary>
    uint Live();
}

/// <summary>A host of the C#-first resource contracts.</summary>
[WitHost]
[WitImport(typeof(ICounters))]
[WitExport(typeof(IDriver))]
[WitExport(typeof(ITallies))]
internal partial class CSharpFirstResourcesHost;
