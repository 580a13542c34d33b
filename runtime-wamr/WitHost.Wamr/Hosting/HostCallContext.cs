using WitHost.Wamr.Binary;

namespace WitHost.Wamr.Hosting;

/// <summary>
/// One call from a guest into a host function: the instance that made it, typed access to the
/// core arguments, and the slot for the result. Valid only during the call.
/// </summary>
public readonly unsafe ref struct HostCallContext
{
    private readonly ulong* _args;
    private readonly FunctionType _type;

    internal HostCallContext(WamrInstance instance, ModuleImport import, ulong* args)
    {
        Instance = instance;
        Import = import;
        _type = import.Type;
        _args = args;
    }

    /// <summary>The instance whose guest called.</summary>
    public WamrInstance Instance { get; }

    /// <summary>The import being served (module, name and core type).</summary>
    public ModuleImport Import { get; }

    public int ArgumentCount => _type.Parameters.Length;

    public int GetInt32(int index) => (int)(uint)Argument(index, WasmValueKind.I32);
    public uint GetUInt32(int index) => (uint)Argument(index, WasmValueKind.I32);
    public long GetInt64(int index) => (long)Argument(index, WasmValueKind.I64);
    public ulong GetUInt64(int index) => Argument(index, WasmValueKind.I64);
    public float GetSingle(int index) => BitConverter.UInt32BitsToSingle((uint)Argument(index, WasmValueKind.F32));
    public double GetDouble(int index) => BitConverter.UInt64BitsToDouble(Argument(index, WasmValueKind.F64));

    /// <summary>The argument at <paramref name="index"/> as a <see cref="WasmValue"/>.</summary>
    public WasmValue GetArgument(int index) => WasmValue.FromBits(_type.Parameters[index], Argument(index, _type.Parameters[index]));

    public void SetResult(int value) => Result(WasmValueKind.I32, (uint)value);
    public void SetResult(uint value) => Result(WasmValueKind.I32, value);
    public void SetResult(long value) => Result(WasmValueKind.I64, (ulong)value);
    public void SetResult(ulong value) => Result(WasmValueKind.I64, value);
    public void SetResult(float value) => Result(WasmValueKind.F32, BitConverter.SingleToUInt32Bits(value));
    public void SetResult(double value) => Result(WasmValueKind.F64, BitConverter.DoubleToUInt64Bits(value));
    public void SetResult(WasmValue value) => Result(value.Kind, value.Bits);

    private ulong Argument(int index, WasmValueKind kind)
    {
        if ((uint)index >= (uint)_type.Parameters.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"{Import.Module}.{Import.Name} has {_type.Parameters.Length} parameters.");
        }
        if (_type.Parameters[index] != kind)
        {
            throw new InvalidOperationException($"Parameter {index} of {Import.Module}.{Import.Name} is {_type.Parameters[index]}, not {kind}.");
        }
        // WAMR's raw calling convention gives every argument a 64-bit slot; i32 and f32 use the low half.
        return kind.IsWide() ? _args[index] : *(uint*)(_args + index);
    }

    private void Result(WasmValueKind kind, ulong bits)
    {
        if (_type.Results.Length != 1 || _type.Results[0] != kind)
        {
            throw new InvalidOperationException($"{Import.Module}.{Import.Name} returns {_type}, not {kind}.");
        }
        if (kind.IsWide())
        {
            *_args = bits;
        }
        else
        {
            *(uint*)_args = (uint)bits;
        }
    }
}
