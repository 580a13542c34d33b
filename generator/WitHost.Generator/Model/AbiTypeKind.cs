namespace WitHost.Generator.Model;

/// <summary>What kind of WIT value an <see cref="AbiTypeBinding"/> describes; each kind has its own lift and lower.</summary>
/// <remarks>
/// Its primitive members restate <see cref="WitHost.Wit.Model.WitPrimitiveKind"/> on purpose, mapped
/// in one place (<c>AbiTypeBinder</c>): this is the emitter's one flat switch key, and it also names
/// what the WIT model cannot know alone (<see cref="None"/>, and whether a handle's resource is
/// imported or exported by the world being bound). docs/architecture.md says why they stay two.
/// </remarks>
internal enum AbiTypeKind
{
    /// <summary>No value: the absent payload of a variant case, option or result side.</summary>
    None,
    Bool,
    S8,
    U8,
    S16,
    U16,
    S32,
    U32,
    S64,
    U64,
    F32,
    F64,
    Char,
    String,
    List,

    /// <summary><c>list&lt;T, N&gt;</c>: N elements in place (inline in memory, element by element when flat), no pointer.</summary>
    FixedList,

    /// <summary><c>map&lt;K, V&gt;</c>: stored as a list of (key, value) tuples.</summary>
    Map,
    Tuple,
    Record,
    Enum,
    Flags,
    Option,
    Result,
    Variant,

    /// <summary><c>own&lt;r&gt;</c> of an imported resource: an i32 index into the instance's table <see cref="AbiTypeBinding.ResourceTableName"/>.</summary>
    Own,

    /// <summary><c>borrow&lt;r&gt;</c> of an imported resource: an i32 index into the instance's table <see cref="AbiTypeBinding.ResourceTableName"/>.</summary>
    Borrow,

    /// <summary>
    /// <c>own&lt;r&gt;</c> of an exported resource (the guest implements it): the generated handle
    /// class; lowered as a new handle in the instance's <c>RepTable</c> <see cref="AbiTypeBinding.ResourceTableName"/>,
    /// lifted by taking the guest's handle out of it.
    /// </summary>
    ExportedOwn,

    /// <summary>
    /// <c>borrow&lt;r&gt;</c> of an exported resource: lowered as the representation itself, since the
    /// callee implements the resource (the Canonical ABI's <c>lower_borrow</c>).
    /// </summary>
    ExportedBorrow,

    /// <summary>
    /// <c>stream&lt;T&gt;</c>: an i32 handle of a readable end, lifted by taking it from the guest
    /// and lowered as a new stream the host feeds; <see cref="AbiTypeBinding.Children"/> holds the element.
    /// </summary>
    Stream,

    /// <summary><c>future&lt;T&gt;</c>: as <see cref="Stream"/>, with one value.</summary>
    Future,

    /// <summary><c>error-context</c>: an i32 handle in the instance's table of error contexts.</summary>
    ErrorContext,
}
