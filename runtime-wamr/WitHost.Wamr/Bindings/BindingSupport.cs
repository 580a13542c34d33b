using System.Text;
using WitHost.Wamr.CanonicalAbi;

namespace WitHost.Wamr.Bindings;

/// <summary>
/// The checks and allocations generated bindings share: everything here traps (marks the instance
/// faulted and throws <see cref="WasmTrapException"/>) on a value the Canonical ABI rejects. Strings
/// go through <see cref="CanonicalStrings"/>, the same code the dynamic calls use.
/// </summary>
public static class BindingSupport
{
    /// <summary>
    /// A context over <paramref name="instance"/>'s memory for one call. Its memory address is
    /// cached until the next <c>cabi_realloc</c>, so make a new one after any other call into the
    /// guest (or <see cref="CanonicalAbiContext.Refresh"/> it). Inside a whole call
    /// (<see cref="WamrInstance.EnterCall"/>) it is the instance's own context, reused from call to
    /// call and valid until the whole call ends.
    /// </summary>
    public static CanonicalAbiContext Context(WamrInstance instance, StringEncoding encoding, string functionName)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.CallContext(encoding, functionName);
    }

    /// <summary>A trap in <paramref name="functionName"/> with <paramref name="message"/>; the instance is faulted.</summary>
    public static WasmTrapException Trap(WamrInstance instance, string functionName, string message)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Fault(functionName, message, null);
    }

    /// <summary>
    /// The host's implementation of the import <paramref name="functionName"/> returned null, or a
    /// value with a null inside, where the WIT type has no option. The guest's call then traps
    /// with this exception as its cause.
    /// </summary>
    public static InvalidOperationException NullResult(string functionName)
        => new($"The host's implementation of {functionName} returned null, or a null inside its result, where WIT has no option.");

    /// <summary>
    /// The argument <paramref name="parameterName"/>, or an object inside it, is of the C#-first
    /// resource interface <paramref name="resourceType"/> that the guest implements, but is not a
    /// handle the guest made: only objects a guest call returned refer to one of its resources.
    /// </summary>
    public static ArgumentException ForeignResourceArgument(string parameterName, string resourceType)
        => new($"A {resourceType} passed to the guest must be one the guest made (returned by one of its calls); this one was made by the host.", parameterName);

    /// <summary>
    /// The host's implementation of the import <paramref name="functionName"/> returned an object of
    /// the C#-first resource interface <paramref name="resourceType"/> that the guest implements, but
    /// not a handle the guest made; the guest's call then traps with this exception as its cause.
    /// </summary>
    public static InvalidOperationException ForeignResourceResult(string functionName, string resourceType)
        => new($"The host's implementation of {functionName} returned a {resourceType} the host made, where only one the guest made can go.");

    /// <summary>
    /// An array passed as the WIT <c>list&lt;T, N&gt;</c> inside the argument <paramref name="parameterName"/>
    /// has <paramref name="actual"/> elements instead of <paramref name="expected"/>.
    /// </summary>
    public static ArgumentException FixedLengthArgument(string parameterName, uint expected, int actual)
        => new($"A fixed-length list inside it has {actual} elements where WIT says {expected}.", parameterName);

    /// <summary>
    /// The host's implementation of the import <paramref name="functionName"/> returned an array for
    /// a WIT <c>list&lt;T, N&gt;</c> with <paramref name="actual"/> elements instead of <paramref name="expected"/>;
    /// the guest's call then traps with this exception as its cause.
    /// </summary>
    public static InvalidOperationException FixedLengthResult(string functionName, uint expected, int actual)
        => new($"The host's implementation of {functionName} returned a fixed-length list of {actual} elements where WIT says {expected}.");

    /// <summary>
    /// A dictionary lowered as a WIT <c>map</c> enumerated a different number of entries than its
    /// <c>Count</c> of <paramref name="count"/>, for which its block in guest memory was allocated.
    /// </summary>
    public static InvalidOperationException MapCountMismatch(int count)
        => new($"The dictionary enumerated a different number of entries than its Count of {count}; a map is lowered into a block of Count entries.");

    /// <summary>Lifts a WIT <c>char</c>: a Unicode scalar value, so surrogates and values past U+10FFFF trap.</summary>
    public static Rune LiftChar(WamrInstance instance, string functionName, uint value)
        => CanonicalRules.CharError(value) is { } error ? throw Trap(instance, functionName, error) : new Rune(value);

    /// <summary>Checks a discriminant read from the guest against the number of cases.</summary>
    public static uint Discriminant(WamrInstance instance, string functionName, uint value, int caseCount)
        => CanonicalRules.DiscriminantError(value, caseCount) is { } error ? throw Trap(instance, functionName, error) : value;

    /// <summary>
    /// Checks that a list of <paramref name="length"/> elements of <paramref name="elementSize"/>
    /// bytes at <paramref name="pointer"/> is aligned, within the ABI's length limit and inside
    /// memory, and counts it against the call's lift budget (<see cref="CanonicalAbiContext.CheckListForLift"/>).
    /// </summary>
    public static void CheckList(CanonicalAbiContext context, uint pointer, uint length, uint elementSize, uint alignment)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CheckListForLift(pointer, length, elementSize, alignment, GeneratedElementBytes);
    }

    /// <summary>
    /// What a lifted list element costs the host at least in generated code, for the lift budget:
    /// a slot of a <c>T[]</c>, which is a reference (8 bytes) for strings, records, variants, lists
    /// and resources. Arrays of small numbers cost less than counted; <c>list&lt;u8&gt;</c>
    /// (<see cref="LoadBytes"/>) counts its exact byte.
    /// </summary>
    private const uint GeneratedElementBytes = 8;

    /// <summary>Lifts a <c>list&lt;u8&gt;</c> with one copy.</summary>
    public static byte[] LoadBytes(CanonicalAbiContext context, uint pointer, uint length)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CheckListForLift(pointer, length, 1, 1, 1);
        return context.Slice(pointer, length).ToArray();
    }

    /// <summary>
    /// Allocates the block of a list of <paramref name="length"/> elements in the guest
    /// (<c>cabi_realloc(0, 0, alignment, length * elementSize)</c>, checked).
    /// </summary>
    /// <exception cref="ArgumentException">The list is longer than <see cref="CanonicalRules.MaxByteLength"/> bytes.</exception>
    public static uint AllocateList(CanonicalAbiContext context, int length, uint elementSize, uint alignment)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Allocate(alignment, CanonicalRules.LoweredListByteLength(length, elementSize));
    }

    /// <summary>Lowers a <c>list&lt;u8&gt;</c> with one copy; returns its pointer and length.</summary>
    public static (uint Pointer, uint Length) StoreBytes(CanonicalAbiContext context, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var pointer = AllocateList(context, value.Length, 1, 1);
        value.CopyTo(context.Slice(pointer, (uint)value.Length));
        return (pointer, (uint)value.Length);
    }

    /// <summary>Lowers a string in the context's encoding; returns its pointer and (tagged) length.</summary>
    public static (uint Pointer, uint Length) StoreString(CanonicalAbiContext context, string value)
        => CanonicalStrings.Store(context, value);

    /// <summary>Lifts a string in the context's encoding, validating it.</summary>
    public static string LoadString(CanonicalAbiContext context, uint pointer, uint length)
        => CanonicalStrings.Load(context, pointer, length);

    /// <summary>
    /// Refuses an argument of UTF-8 bytes that is not UTF-8, naming its parameter; a generated call
    /// checks before it enters the instance, so nothing is allocated in the guest for a bad argument.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not valid UTF-8.</exception>
    public static void CheckUtf8String(ReadOnlySpan<byte> value, string parameterName)
        => CanonicalStrings.CheckUtf8(value, parameterName);

    /// <summary>Lowers UTF-8 bytes checked by <see cref="CheckUtf8String"/> as a string in the context's encoding; returns its pointer and (tagged) length.</summary>
    public static (uint Pointer, uint Length) StoreUtf8String(CanonicalAbiContext context, ReadOnlySpan<byte> value)
        => CanonicalStrings.StoreUtf8(context, value);

    /// <summary>Lifts a string in the context's encoding, validating it, as UTF-8 appended to <paramref name="writer"/>; returns the bytes written.</summary>
    public static int LoadUtf8String(CanonicalAbiContext context, uint pointer, uint length, System.Buffers.IBufferWriter<byte> writer)
        => CanonicalStrings.LoadUtf8(context, pointer, length, writer);
}
