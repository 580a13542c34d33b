namespace WitHost;

/// <summary>
/// The absent payload of a WIT <c>result</c> side (<c>result&lt;_, E&gt;</c>, <c>result&lt;T&gt;</c>,
/// bare <c>result</c>), so every result is a <see cref="Result{TOk, TErr}"/>. It has one value.
/// </summary>
public readonly struct Unit : IEquatable<Unit>
{
    /// <summary>The value.</summary>
    public static Unit Value => default;

    /// <inheritdoc/>
    public bool Equals(Unit other) => true;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Unit;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;

    /// <summary><c>()</c>.</summary>
    public override string ToString() => "()";

    /// <summary>Always true.</summary>
    public static bool operator ==(Unit left, Unit right) => true;

    /// <summary>Always false.</summary>
    public static bool operator !=(Unit left, Unit right) => false;
}
