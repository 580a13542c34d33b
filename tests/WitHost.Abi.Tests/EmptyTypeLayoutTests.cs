using WitHost.Wit.Abi;
using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>
/// WIT has no empty records, tuples, flags, enums or variants (the resolver reports WIT0402); a
/// model built by hand that holds one gets a clear ArgumentException from the ABI model, before
/// the dynamic codec could index past an empty list.
/// </summary>
public sealed class EmptyTypeLayoutTests
{
    public static TheoryData<WitType, string> EmptyTypes => new()
    {
        { TestTypes.Record("e"), "empty record" },
        { new WitTupleType(EquatableArray<WitType>.Empty), "empty tuple" },
        { TestTypes.Flags("f"), "empty flags" },
        { TestTypes.Enum("e"), "empty enum" },
        { TestTypes.Variant("v"), "empty variant" },
    };

    [Theory]
    [MemberData(nameof(EmptyTypes))]
    public void An_empty_type_has_no_layout(WitType type, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => CanonicalLayout.Of(type));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EmptyTypes))]
    public void A_function_over_an_empty_type_has_no_core_signature(WitType type, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => CoreFunctionSignature.For([type], null, AbiDirection.Lift));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
