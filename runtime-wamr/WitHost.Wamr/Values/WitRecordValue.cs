using System.Collections.Immutable;

namespace WitHost.Wamr.Values;

/// <summary>A record value; the fields are in the record type's declaration order.</summary>
/// <param name="Fields">Every field, in declaration order.</param>
public sealed record WitRecordValue(ImmutableArray<WitFieldValue> Fields) : WitValue
{
    /// <summary>The value of field <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The record has no such field.</exception>
    public WitValue this[string name]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (field.Name == name)
                {
                    return field.Value;
                }
            }

            throw new KeyNotFoundException($"The record has no field '{name}'.");
        }
    }

    /// <inheritdoc/>
    public bool Equals(WitRecordValue? other) => other is not null && WitValueSequence.Equal(Fields, other.Fields);

    /// <inheritdoc/>
    public override int GetHashCode() => WitValueSequence.Hash(Fields);
}
