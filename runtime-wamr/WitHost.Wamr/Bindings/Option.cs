namespace WitHost;

/// <summary>
/// A WIT <c>option&lt;T&gt;</c> where <c>T?</c> cannot say it: the outer option of
/// <c>option&lt;option&lt;T&gt;&gt;</c>, whose <c>some(none)</c> and <c>none</c> differ. Other options
/// map to <c>T?</c>. <c>default</c> is none.
/// </summary>
/// <typeparam name="T">The payload of <c>some</c>.</typeparam>
public readonly struct Option<T> : IEquatable<Option<T>>
{
    private readonly T _value;

    private Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>No value.</summary>
    public static Option<T> None => default;

    /// <summary>True for <c>some</c>.</summary>
    public bool HasValue { get; }

    /// <summary>The value of <c>some</c>.</summary>
    /// <exception cref="InvalidOperationException">The option is none.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The option has no value.");

    /// <summary><c>some(value)</c>.</summary>
    public static Option<T> Some(T value) => new(value);

    /// <summary>Gets the value when there is one.</summary>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return HasValue;
    }

    /// <inheritdoc/>
    public bool Equals(Option<T> other)
        => HasValue == other.HasValue && (!HasValue || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Option<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HasValue ? HashCode.Combine(true, _value) : 0;

    /// <summary><c>Some(value)</c> or <c>None</c>.</summary>
    public override string ToString() => HasValue ? $"Some({_value})" : "None";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Option<T> left, Option<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Option<T> left, Option<T> right) => !left.Equals(right);
}
