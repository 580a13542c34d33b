using WitHost.Wit.Collections;

namespace WitHost.Generator.Model;

/// <summary>
/// The <c>[method]</c> calls of one exported resource, implemented by the exported-interface class
/// of its interface as the handle class's <c>ICalls</c>.
/// </summary>
/// <param name="CSharpType">The handle class, fully qualified.</param>
/// <param name="TableField">The field of the generated table holder with the resource's <c>RepTable</c>.</param>
/// <param name="Methods">
/// One call per method of <see cref="GuestResourceBinding.Methods"/> (same names and order); the
/// first parameter is <c>self</c>.
/// </param>
internal sealed record GuestResourceCallsBinding(string CSharpType, string TableField, EquatableArray<CallBinding> Methods)
{
    /// <summary>The field of the generated table holder with the instance's implementation of <c>ICalls</c>.</summary>
    public string CallsField => CallsFieldOf(TableField);

    /// <summary>The calls field that goes with the table field <paramref name="tableField"/>.</summary>
    public static string CallsFieldOf(string tableField) => tableField + "_Calls";
}
