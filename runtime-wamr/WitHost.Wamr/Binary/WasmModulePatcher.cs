namespace WitHost.Wamr.Binary;

/// <summary>
/// Lowers the maximum size of a module's memory by rewriting its memory section.
/// </summary>
/// <remarks>
/// WAMR 1.1.2 takes a memory's maximum from the module when it loads it and has no API to
/// lower it, so a memory limit is applied to the bytes before loading: the guest then sees
/// <c>memory.grow</c> fail (return -1) at the limit, exactly as if it had declared it.
/// </remarks>
internal static class WasmModulePatcher
{
    private const uint MaxPages = 65536;

    public static byte[] LimitMemory(ReadOnlySpan<byte> module, WasmModuleInfo info, uint maxPages)
    {
        if (info.ImportsMemory)
        {
            throw new WasmModuleLoadException("A memory limit cannot be applied: the module imports its memory.");
        }
        if (info.MemoryLimits is not { } limits || info.MemorySection is not { } section)
        {
            return module.ToArray();
        }
        if (limits.MinimumPages > maxPages)
        {
            throw new WasmModuleLoadException(
                $"The module needs at least {limits.MinimumPages} memory pages, more than the limit of {maxPages}.");
        }

        uint newMax = Math.Min(Math.Min(limits.MaximumPages ?? MaxPages, maxPages), MaxPages);
        var newLimits = new List<byte> { 1 };
        WriteU32(newLimits, limits.MinimumPages);
        WriteU32(newLimits, newMax);

        var content = new List<byte>();
        WriteU32(content, section.MemoryCount);
        content.AddRange(newLimits);
        content.AddRange(module[section.LimitsEnd..section.SectionEnd].ToArray());

        var result = new List<byte>(module.Length + 8);
        result.AddRange(module[..section.SectionStart].ToArray());
        result.Add(module[section.SectionStart]);
        WriteU32(result, (uint)content.Count);
        result.AddRange(content);
        result.AddRange(module[section.SectionEnd..].ToArray());
        return result.ToArray();
    }

    private static void WriteU32(List<byte> output, uint value)
    {
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            output.Add(value != 0 ? (byte)(b | 0x80) : b);
        }
        while (value != 0);
    }
}
