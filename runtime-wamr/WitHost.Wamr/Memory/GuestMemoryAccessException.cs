namespace WitHost.Wamr.Memory;

/// <summary>An access to guest memory fell outside it.</summary>
public sealed class GuestMemoryAccessException : WamrException
{
    public GuestMemoryAccessException(uint offset, uint length, long memorySize)
        : base($"out of bounds memory access: {length} bytes at {offset} in a memory of {memorySize} bytes")
    {
        Offset = offset;
        Length = length;
    }

    public uint Offset { get; }

    public uint Length { get; }
}
