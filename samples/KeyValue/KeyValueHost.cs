namespace WitHost.Samples.KeyValue;

/// <summary>The host of the keyvalue world: the generator fills in this class from wit/keyvalue.wit.</summary>
[WitHost("../../wit/keyvalue.wit", World = "keyvalue")]
public partial class KeyValueHost;
