namespace WitHost.Wit.Binary;

/// <summary>The index spaces of a component: the core ones and the component ones.</summary>
public enum ComponentSort
{
    CoreFunc,
    CoreTable,
    CoreMemory,
    CoreGlobal,
    CoreType,
    CoreModule,
    CoreInstance,
    Func,
    Value,
    Type,
    Component,
    Instance,
}
