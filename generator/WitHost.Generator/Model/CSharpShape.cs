namespace WitHost.Generator.Model;

/// <summary>
/// Which C# form a list or an option takes where the WIT type allows more than one, decided when
/// binding so the emitter branches on it instead of reading the C# type's text.
/// </summary>
internal enum CSharpShape
{
    /// <summary>The one form its kind has (every kind but list and option).</summary>
    Plain,

    /// <summary><c>list&lt;u8&gt;</c> as <c>byte[]</c>: one bounds check and one copy each way.</summary>
    Bytes,

    /// <summary>A list as <c>T[]</c>, counted with <c>Length</c>.</summary>
    Array,

    /// <summary>A list as <c>IReadOnlyList&lt;T&gt;</c> (a C#-first signature's choice): lifted as an array, counted with <c>Count</c>.</summary>
    ReadOnlyList,

    /// <summary>A list as <c>List&lt;T&gt;</c> (a C#-first signature's choice): made from the lifted array, counted with <c>Count</c>.</summary>
    GenericList,

    /// <summary><c>option&lt;T&gt;</c> as <c>T?</c>: null is none.</summary>
    NullableOption,

    /// <summary><c>option&lt;option&lt;T&gt;&gt;</c> as <c>WitHost.Option&lt;T?&gt;</c>, since <c>T?</c> alone cannot tell none from some(none).</summary>
    WrappedOption,
}
