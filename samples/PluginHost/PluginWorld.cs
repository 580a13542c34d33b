namespace WitHost.Samples.PluginHost;

/// <summary>The host side of the plugin world: the generator fills in this class from wit/plugin.wit.</summary>
[WitHost("../../wit/plugin.wit", World = "plugin")]
public partial class PluginWorld;
