namespace WitHost.Wamr.Binary;

/// <summary>A function the module imports: <c>(import "module" "name" (func …))</c>.</summary>
public sealed record ModuleImport(string Module, string Name, FunctionType Type)
{
    public override string ToString() => $"{Module}.{Name} {Type}";
}
