using System.Text.Json.Nodes;
using WitHost.Samples.HelloWorld;
using WitHost.Wamr;

namespace WitHost.Samples.Tests;

/// <summary>
/// The HelloWorld guest through jco: accepted as a component of the sample world, and giving the
/// sample's headline answers as the generated host does. (WitHost.CrossCheck.Tests runs the whole
/// sample world's case table on this guest.)
/// </summary>
public sealed class HelloWorldCrossCheckTests
{
    [Fact]
    public void Jco_accepts_the_guest_and_gives_the_sample_output()
    {
        const string hello = "Hello, 世界 🌍";
        JsonArray jco = JcoOracle.Run(new JsonObject
        {
            ["wasm"] = JcoOracle.InRepo("samples", "HelloWorld", "guest", "sample.wasm"),
            ["wit"] = JcoOracle.InRepo("wit", "sample.wit"),
            ["world"] = "sample",
            ["imports"] = new JsonObject
            {
                ["example:sample/logging#log-u32"] = new JsonObject(),
                ["example:sample/logging#log-str"] = new JsonObject(),
                ["host-name"] = new JsonObject { ["returns"] = "WitHost" },
            },
            ["calls"] = new JsonArray(
                new JsonObject { ["export"] = "example:sample/strings#reverse", ["args"] = new JsonArray(hello) },
                new JsonObject { ["export"] = "greet-host", ["args"] = new JsonArray() }),
        });

        var host = new SampleImports("WitHost");
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(SampleTour.GuestPath);
        using var guest = SampleHost.Instantiate(module, new SampleHost.Imports { Logging = host, Sample = host });

        Assert.Equal("🌍 界世 ,olleH", jco[0]!["result"]!.GetValue<string>());
        Assert.Equal(guest.Strings.Reverse(hello), jco[0]!["result"]!.GetValue<string>());
        Assert.Equal("Hello, WitHost!", jco[1]!["result"]!.GetValue<string>());
        Assert.Equal(guest.GreetHost(), jco[1]!["result"]!.GetValue<string>());
    }
}
