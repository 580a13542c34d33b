using Example.Resources;
using Example.Resources.Store;

namespace WitHost.Wamr.Benchmarks.Generated;

/// <summary>
/// The host side of the resources world's <c>store</c> import. The benchmarks call only counter
/// functions, which never make a blob, so reaching this is a bug in the benchmark.
/// </summary>
internal sealed class NullStore : IStore
{
    public IBlob CreateBlob(byte[] init) => throw new NotSupportedException("The benchmarks make no blobs.");

    public IBlob BlobConcat(IBlob a, IBlob b) => throw new NotSupportedException("The benchmarks make no blobs.");
}
