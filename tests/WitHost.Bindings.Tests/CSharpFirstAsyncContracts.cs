namespace WitHost.Bindings.Tests.CSharpFirstAsync;

// The C#-first async contracts of tests/guests/csharp-first-async.c: the WIT is derived from these
// declarations (wit/csharp-first-async.wit is that derived text, committed as the guest's contract).
// Each uses the task type the .wit path does not: the host implements the import with Task, and
// the guest's export is a ValueTask.

/// <summary>Implemented by the host: values the guest fetches, after however long the host takes.</summary>
[WitHost("example:csharp-first-async/fetcher")]
internal partial interface IFetcher
{
    /// <summary>The value kept under <paramref name="key"/>.</summary>
    Task<uint> FetchAsync(uint key, CancellationToken cancellationToken);
}

/// <summary>Implemented by the guest, as async funcs.</summary>
[WitHost("example:csharp-first-async/jobs")]
internal partial interface IJobs
{
    /// <summary>fetch(key) + fetch(key + 1), awaited one after the other.</summary>
    ValueTask<uint> FetchSumAsync(uint key, CancellationToken cancellationToken);

    /// <summary>Returns at once, with no result.</summary>
    ValueTask StopAsync(CancellationToken cancellationToken);
}

/// <summary>The host of the derived world: it implements <see cref="IFetcher"/>, the guest <see cref="IJobs"/>.</summary>
[WitHost]
[WitImport(typeof(IFetcher))]
[WitExport(typeof(IJobs))]
internal partial class CSharpFirstAsyncHost;
