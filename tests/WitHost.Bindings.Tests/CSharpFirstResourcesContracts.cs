namespace WitHost.Bindings.Tests.CSharpFirstResources;

// The C#-first contracts of tests/guests/csharp-first-resources.c: a resource the host
// implements (an interface extending IDisposable) and an interface that hands it out.

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

/// <summary>A host of the C#-first resource contracts.</summary>
[WitHost]
[WitImport(typeof(ICounters))]
[WitExport(typeof(IDriver))]
internal partial class CSharpFirstResourcesHost;
