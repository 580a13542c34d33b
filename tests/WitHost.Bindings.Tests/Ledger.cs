using System.Collections.Concurrent;
using Example.Concurrency;
using Example.Concurrency.Ledger;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The host's <c>ledger</c> of the async guest: accounts whose async method <c>balance</c>
/// answers id × 100 when the test lets it (<see cref="Release"/>); it records what the guest opened.
/// </summary>
internal sealed class Ledger : ILedger
{
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<uint>> _pending = new();

    /// <summary>The accounts the guest made, in order.</summary>
    public ConcurrentQueue<Account> Opened { get; } = new();

    public IAccount CreateAccount(uint id)
    {
        var account = new Account(id, this);
        Opened.Enqueue(account);
        return account;
    }

    /// <summary>Lets the balance of account <paramref name="id"/> answer id × 100.</summary>
    public void Release(uint id) => Pending(id).TrySetResult(id * 100);

    private TaskCompletionSource<uint> Pending(uint id) => _pending.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>One account: the guest's handle to it is dropped (and the account disposed) when the guest is done.</summary>
    internal sealed class Account(uint id, Ledger ledger) : IAccount, IDisposable
    {
        private int _balanceCalls;

        public uint Id => id;

        /// <summary>The number of balance calls the guest made.</summary>
        public int BalanceCalls => Volatile.Read(ref _balanceCalls);

        public bool Disposed { get; private set; }

        public ValueTask<uint> BalanceAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _balanceCalls);
            return new ValueTask<uint>(ledger.Pending(id).Task.WaitAsync(cancellationToken));
        }

        public void Dispose() => Disposed = true;
    }
}
