using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WitHost.Wamr.Async;

/// <summary>
/// A <see cref="ByteHostCopy"/> whose buffer holds <typeparamref name="T"/>s: bytes for the
/// host's byte-level ends (<see cref="HostStreamReader"/>, <see cref="HostStreamWriter"/>), or C#
/// numbers laid out as the guest lays them out (<see cref="ChannelElement{T}.IsMemoryImage"/>).
/// </summary>
internal sealed class ByteHostCopy<T> : ByteHostCopy
{
    private readonly Memory<T> _target;
    private readonly ReadOnlyMemory<T> _source;

    public ByteHostCopy(Memory<T> target, uint count)
        : base(count) => _target = target;

    public ByteHostCopy(ReadOnlyMemory<T> source, uint count)
        : base(count) => _source = source;

    protected override Span<byte> TargetBytes
        => MemoryMarshal.CreateSpan(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(_target.Span)), _target.Length * Unsafe.SizeOf<T>());

    protected override ReadOnlySpan<byte> SourceBytes
        => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(_source.Span)), _source.Length * Unsafe.SizeOf<T>());
}
