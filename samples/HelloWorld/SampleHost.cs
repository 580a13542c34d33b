namespace WitHost.Samples.HelloWorld;

/// <summary>The host of the sample world: the generator fills in this class from wit/sample.wit.</summary>
[WitHost("../../wit/sample.wit", World = "sample")]
public partial class SampleHost;
