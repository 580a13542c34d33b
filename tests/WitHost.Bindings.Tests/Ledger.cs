using System.Collections.Concurrent;
using Example.Concurrency;
using Example.Concurrency.Ledger;

namespace WitHost.Bindings.Tests;

/// <summary>
/// The host's <c>ledger</c> of the async guest: accounts whose async method <c>balance</c>
/// answers id × 100 when the test lets it (<see cref="Release"/>), and whose async static
/// <c>open</c> answers when the test lets it (<see cref="ReleaseOpen"/>); it records what the guest opened.
/// </summary>
internal sealed class Ledger : ILedger
{
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<uint>> _pending = new();
    private readonly ConcurrentDictionary<uint, TaskCompletionSource> _opens = new();

    /// <summary>The accounts the guest made, in order.</summary>
    public ConcurrentQueue<Account> Opened { get; } = new();

    public IAccount CreateAccount(uint id)
    {
        var account = new Account(id, this);
        Opened.Enqueue(account);
        return account;
    }

    /// <summary>The ids the guest asked <c>open</c> for, in order.</summary>
    public ConcurrentQueue<uint> OpensAsked { get; } = new();

    /// <summary>
    /// Account <paramref name="id"/>, made when the test lets <c>open</c> answer
    /// (<see cref="ReleaseOpen"/>), whatever the call's token says: an answer that comes after the
    /// guest's instance went is what the guest never takes.
    /// </summary>
    public async ValueTask<IAccount> AccountOpenAsync(uint id, CancellationToken cancellationToken)
    {
        OpensAsked.Enqueue(id);
        await _opens.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.ConfigureAwait(false);
        return CreateAccount(id);
    }

    /// <summary>
    /// When set, what <c>open-pair</c> answers with, given the two new accounts (a test may answer
    /// with a null in place of one); otherwise the two accounts, at once.
    /// </summary>
    public Func<IAccount, IAccount, (IAccount, IAccount)>? OpenPair { get; init; }

    public ValueTask<(IAccount, IAccount)> AccountOpenPairAsync(uint id, CancellationToken cancellationToken)
    {
        var (first, second) = (CreateAccount(id), CreateAccount(id + 1));
        return ValueTask.FromResult(OpenPair is { } answer ? answer(first, second) : (first, second));
    }

    /// <summary>Lets <c>open</c> of account <paramref name="id"/> answer.</summary>
    public void ReleaseOpen(uint id) => _opens.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Lets the balance of account <paramref name="id"/> answer id × 100.</summary>
    public void Release(uint id) => Pending(id).TrySetResult(id * 100);

    private TaskCompletionSource<uint> Pending(uint id) => _pending.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>One account: the guest's handle to it is dropped (and the account disposed) when the guest is done.</summary>
    internal sealed class Account(uint id, Ledger ledger) : IAccount, IDisposable
    {
        private int _balanceCalls;
        private int _disposeCount;

        public uint Id => id;

        /// <summary>The number of balance calls the guest made.</summary>
        public int BalanceCalls => Volatile.Read(ref _balanceCalls);

        public bool Disposed => DisposeCount > 0;

        /// <summary>How many times the account was disposed: once when the guest's drop, or its instance's end, ended it.</summary>
        public int DisposeCount => Volatile.Read(ref _disposeCount);

        public ValueTask<uint> BalanceAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _balanceCalls);
            return new ValueTask<uint>(ledger.Pending(id).Task.WaitAsync(cancellationToken));
        }

        public void Dispose() => Interlocked.Increment(ref _disposeCount);
    }
}
