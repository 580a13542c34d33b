using WitHost.Wit.Binary;
using static WitHost.Wamr.Tests.ComponentBytes;

namespace WitHost.Wit.Tests;

/// <summary>
/// A binary WIT package whose resource constructor has an async function type: WIT text has no
/// async constructors (<c>constructor</c> takes no <c>async</c>, WIT0100 at it), so the decoder
/// refuses it, naming the resource, rather than printing a sync constructor that the guest's
/// async-lifted function would not match.
/// </summary>
public sealed class AsyncConstructorBinaryTests
{
    /// <summary>
    /// <c>package p:p; interface i { resource r { constructor(x: u32); } }</c>, the constructor's
    /// function type written with <paramref name="functionCode"/> (0x40 a func, 0x43 an async func).
    /// </summary>
    private static byte[] Package(byte functionCode)
    {
        byte[] instanceType =
        [
            0x42,
            .. Vector(
                [0x04, 0x00, .. Name("r"), 0x03, 0x01],                          // export "r" (sub resource): type 0
                [0x01, 0x69, 0x00],                                               // own<r>: type 1
                [0x01, functionCode, .. Vector([.. Name("x"), 0x79]), 0x00, 0x01], // (async) func(x: u32) -> own<r>: type 2
                [0x04, 0x00, .. Name("[constructor]r"), 0x01, 0x02]),            // export "[constructor]r" (func 2)
        ];
        byte[] interfaceWrapper =
        [
            0x41,
            .. Vector(
                [0x01, .. instanceType],                           // type 0
                [0x04, 0x00, .. Name("p:p/i"), 0x05, 0x00]),       // export p:p/i (instance 0)
        ];
        return Component(
            Section(7, Vector(interfaceWrapper)),
            Section(11, Vector([0x00, .. Name("i"), 0x03, 0x00, 0x00])));
    }

    [Fact]
    public void A_sync_constructor_decodes_to_its_wit()
    {
        Assert.Equal(
            "package p:p;\n\ninterface i {\n  resource r {\n    constructor(x: u32);\n  }\n}\n",
            ComponentWitDecoder.DecodePackage(Package(0x40)));
    }

    [Fact]
    public void An_async_constructor_is_refused_with_the_resource_named()
    {
        var error = Assert.Throws<ComponentFormatException>(() => ComponentWitDecoder.DecodePackage(Package(0x43)));
        Assert.Contains("the constructor of resource 'r' is an async function; WIT has no async constructors", error.Message);
    }
}
