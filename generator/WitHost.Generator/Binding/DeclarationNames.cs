using WitHost.Wit.Model;

namespace WitHost.Generator.Binding;

/// <summary>
/// The C# member names of generated records and variants, in one place: the declarations and the
/// marshalling code that constructs and reads them must agree on every name.
/// </summary>
internal static class DeclarationNames
{
    /// <summary>The property name of each field of <paramref name="record"/>, in field order.</summary>
    public static List<string> RecordFields(WitRecordType record)
    {
        var names = new MemberNameSet(CSharpNames.ToPascalCase(record.Name), reserveObjectMembers: true);
        return record.Fields.Select(field => names.Claim(CSharpNames.ToPascalCase(field.Name))).ToList();
    }

    /// <summary>The nested record name of each case of <paramref name="variant"/>, and the payload property they share.</summary>
    public static (List<string> Cases, string PayloadName) VariantCases(WitVariantType variant)
    {
        var names = new MemberNameSet(CSharpNames.ToPascalCase(variant.Name), reserveObjectMembers: true);

        // The Match method and its type parameter live in the variant too.
        names.Claim("Match");
        names.Claim("TResult");
        var cases = variant.Cases.Select(@case => names.Claim(CSharpNames.ToPascalCase(@case.Name))).ToList();

        // Every case's payload property has one name, chosen after the case names: a nested case
        // record called Value is in scope inside the other cases and would clash with a Value property.
        return (cases, names.Claim("Value"));
    }
}
