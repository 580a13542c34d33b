using Example.Plugins;
using Example.Plugins.Host;

namespace WitHost.Samples.PluginHost;

/// <summary>
/// One plugin instance's log: the host's implementation of <c>example:plugins/host</c>. Every
/// instance gets its own, so what one plugin logs never lands in another's report.
/// </summary>
public sealed class PluginLog : IHost
{
    private readonly List<string> _pending = [];

    /// <summary>How many messages the plugin logged in all.</summary>
    public int Count { get; private set; }

    public void Log(Level level, string message)
    {
        Count++;
        _pending.Add($"log {(level == Level.Warn ? "warn" : "info")}: {message}");
    }

    /// <summary>The messages since the last call, oldest first; the list is emptied.</summary>
    public IReadOnlyList<string> TakePending()
    {
        string[] pending = [.. _pending];
        _pending.Clear();
        return pending;
    }
}
