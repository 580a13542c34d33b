namespace WitHost.Wit.Abi;

/// <summary>The four core wasm value types the Canonical ABI flattens WIT values into.</summary>
public enum CoreValueKind
{
    /// <summary><c>i32</c> (also every 32-bit pointer and length).</summary>
    I32,

    /// <summary><c>i64</c></summary>
    I64,

    /// <summary><c>f32</c></summary>
    F32,

    /// <summary><c>f64</c></summary>
    F64,
}
