using WitHost.Wit.Abi;

namespace WitHost.Wamr.CanonicalAbi;

/// <summary>Reads flat values from a list of core values, checking each has the expected core type.</summary>
internal sealed class FlatValueReader : FlatValueSource
{
    private readonly IReadOnlyList<WasmValue> _values;

    public FlatValueReader(IReadOnlyList<WasmValue> values) => _values = values;

    public int Position { get; private set; }

    public bool IsDone => Position == _values.Count;

    public override ulong Next(CoreValueKind want)
    {
        if (Position >= _values.Count)
        {
            throw new ArgumentException($"Too few core values: the type needs more than {_values.Count}.");
        }

        var value = _values[Position];
        if ((int)value.Kind != (int)want)
        {
            throw new ArgumentException($"Core value {Position} is {value.Kind}, but the type needs {want} there.");
        }

        Position++;
        return value.Bits;
    }
}
