using WitHost;

namespace WitHost.Bindings.Tests;

/// <summary>The generated host of the channel guest (tests/guests/channels.c, world channel-guest of wit/channels.wit).</summary>
[WitHost("../../wit/channels.wit", World = "channel-guest")]
internal partial class ChannelGuestHost;
