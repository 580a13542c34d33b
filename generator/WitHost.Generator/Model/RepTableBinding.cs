namespace WitHost.Generator.Model;

/// <summary>
/// The per-instance table of handles to one resource the guest exports (implements itself), and
/// the <c>[resource-new]</c>, <c>[resource-rep]</c> and <c>[resource-drop]</c> imports it serves.
/// </summary>
/// <param name="FieldName">The field of the generated table holder.</param>
/// <param name="CSharpType">The resource's handle class (fully qualified).</param>
/// <param name="WitName">The resource's WIT name (in trap messages).</param>
/// <param name="CoreModule">The core module of the three imports, <c>[export]ns:pkg/iface</c>.</param>
/// <param name="NewName">The core name of its <c>[resource-new]</c> import.</param>
/// <param name="RepName">The core name of its <c>[resource-rep]</c> import.</param>
/// <param name="DropName">The core name of its <c>[resource-drop]</c> import.</param>
/// <param name="DestructorExport">The guest's <c>[dtor]</c> export, run when the last handle (the guest's or the host's) goes.</param>
/// <param name="DropEntryName">The static method of the host class serving the <c>[resource-drop]</c> import.</param>
internal sealed record RepTableBinding(
    string FieldName,
    string CSharpType,
    string WitName,
    string CoreModule,
    string NewName,
    string RepName,
    string DropName,
    string DestructorExport,
    string DropEntryName);
