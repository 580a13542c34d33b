using System.Runtime.CompilerServices;

namespace WitHost.Wit.Collections;

/// <summary>
/// Compares by reference. Model types are records with deep value equality, which costs a walk of
/// the whole type on every lookup; a memo of types already seen wants the instance instead.
/// (netstandard2.0 has no <c>ReferenceEqualityComparer</c>.)
/// </summary>
internal sealed class IdentityComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static IdentityComparer<T> Instance { get; } = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
