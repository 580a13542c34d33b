using WitHost.Wamr;

namespace WitHost.Samples.PluginHost;

/// <summary>
/// One plugin: its module, its current instance (own linear memory, own <see cref="PluginLog"/>)
/// and the tally of what its calls gave. After a trap the instance is faulted and refuses further
/// calls; <see cref="Restart"/> replaces it with a fresh one.
/// </summary>
public sealed class LoadedPlugin : IDisposable
{
    private readonly WamrModule _module;
    private readonly InstanceOptions _options;

    public LoadedPlugin(string file, WamrModule module, InstanceOptions options)
    {
        File = file;
        _module = module;
        _options = options;
        Guest = Instantiate();
    }

    public string File { get; }

    public PluginLog Log { get; } = new();

    public PluginWorld.Guest Guest { get; private set; }

    public int Ok { get; set; }

    public int Errors { get; set; }

    public int Traps { get; set; }

    /// <summary>Drops the faulted instance and makes a new one from the same module.</summary>
    public void Restart()
    {
        Guest.Dispose();
        Guest = Instantiate();
    }

    public void Dispose()
    {
        Guest.Dispose();
        _module.Dispose();
    }

    private PluginWorld.Guest Instantiate() => PluginWorld.Instantiate(_module, new PluginWorld.Imports { Host = Log }, _options);
}
