using System.Runtime.CompilerServices;

namespace WitHost.Wamr.Async;

/// <summary>
/// The tasks lowered as futures whose values hold something the host made for the guest (their
/// writers discard a value the guest never gets), so that discarding a result that also holds
/// one, whose lowering stopped part-way, leaves it to its writer rather than ending its value twice.
/// Weak: a task is forgotten with its last reference.
/// </summary>
internal static class LoweredFutures<T>
{
    private static readonly ConditionalWeakTable<Task<T>, object?> s_lowered = [];

    public static void Add(Task<T> future) => s_lowered.AddOrUpdate(future, null);

    public static bool Contains(Task<T> future) => s_lowered.TryGetValue(future, out _);
}
