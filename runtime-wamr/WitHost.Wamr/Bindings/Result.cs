namespace WitHost;

/// <summary>
/// A WIT <c>result&lt;T, E&gt;</c>: either an ok value or an error value. Generated bindings use it
/// for every <c>result</c>; an absent side (<c>result&lt;_, E&gt;</c>, bare <c>result</c>) is
/// <see cref="Unit"/>. <c>default</c> is an error holding <c>default(TErr)</c>.
/// </summary>
/// <typeparam name="TOk">The ok payload.</typeparam>
/// <typeparam name="TErr">The error payload.</typeparam>
public readonly struct Result<TOk, TErr> : IEquatable<Result<TOk, TErr>>
{
    private readonly TOk _value;
    private readonly TErr _error;

    private Result(bool isOk, TOk value, TErr error)
    {
        IsOk = isOk;
        _value = value;
        _error = error;
    }

    /// <summary>True for an ok result.</summary>
    public bool IsOk { get; }

    /// <summary>True for an error result.</summary>
    public bool IsErr => !IsOk;

    /// <summary>The ok value.</summary>
    /// <exception cref="InvalidOperationException">The result is an error.</exception>
    public TOk Value => IsOk ? _value : throw new InvalidOperationException($"The result is an error: {_error}");

    /// <summary>The error value.</summary>
    /// <exception cref="InvalidOperationException">The result is ok.</exception>
    public TErr Error => IsOk ? throw new InvalidOperationException("The result is ok, not an error.") : _error;

    /// <summary>An ok result.</summary>
    public static Result<TOk, TErr> Ok(TOk value) => new(true, value, default!);

    /// <summary>An error result.</summary>
    public static Result<TOk, TErr> Err(TErr error) => new(false, default!, error);

    /// <summary>Gets the ok value when there is one.</summary>
    public bool TryGetValue(out TOk value)
    {
        value = _value;
        return IsOk;
    }

    /// <summary>Gets the error value when there is one.</summary>
    public bool TryGetError(out TErr error)
    {
        error = _error;
        return !IsOk;
    }

    /// <summary>Calls <paramref name="ok"/> or <paramref name="err"/>, whichever applies.</summary>
    public TResult Match<TResult>(Func<TOk, TResult> ok, Func<TErr, TResult> err)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(err);
        return IsOk ? ok(_value) : err(_error);
    }

    /// <inheritdoc/>
    public bool Equals(Result<TOk, TErr> other)
        => IsOk == other.IsOk
            && (IsOk ? EqualityComparer<TOk>.Default.Equals(_value, other._value) : EqualityComparer<TErr>.Default.Equals(_error, other._error));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Result<TOk, TErr> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsOk ? HashCode.Combine(true, _value) : HashCode.Combine(false, _error);

    /// <summary><c>Ok(value)</c> or <c>Err(error)</c>.</summary>
    public override string ToString() => IsOk ? $"Ok({_value})" : $"Err({_error})";

    /// <summary>Value equality.</summary>
    public static bool operator ==(Result<TOk, TErr> left, Result<TOk, TErr> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Result<TOk, TErr> left, Result<TOk, TErr> right) => !left.Equals(right);
}
