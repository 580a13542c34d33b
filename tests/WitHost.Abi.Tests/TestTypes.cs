using WitHost.Wit.Collections;
using WitHost.Wit.Model;

namespace WitHost.Abi.Tests;

/// <summary>Named WIT types built directly in the model, for unit tests.</summary>
internal static class TestTypes
{
    private static readonly WitOwner Owner = new(WitOwnerKind.Interface, new WitPackageName("test", "unit", null), "types", null);

    public static WitRecordType Record(string name, params (string Name, WitType Type)[] fields)
        => new(name, Owner, null, WitStability.Unknown, fields.Select(f => new WitField(f.Name, f.Type, null)).ToEquatableArray());

    public static WitVariantType Variant(string name, params (string Name, WitType? Payload)[] cases)
        => new(name, Owner, null, WitStability.Unknown, cases.Select(c => new WitVariantCase(c.Name, c.Payload, null)).ToEquatableArray());

    public static WitEnumType Enum(string name, params string[] cases)
        => new(name, Owner, null, WitStability.Unknown, cases.Select(c => new WitEnumCase(c, null)).ToEquatableArray());

    public static WitFlagsType Flags(string name, params string[] flags)
        => new(name, Owner, null, WitStability.Unknown, flags.Select(c => new WitEnumCase(c, null)).ToEquatableArray());

    public static WitFlagsType Flags(string name, int count)
        => Flags(name, Enumerable.Range(0, count).Select(i => "f" + i).ToArray());

    public static WitResourceType Resource(string name) => new(name, Owner, null, WitStability.Unknown);
}
