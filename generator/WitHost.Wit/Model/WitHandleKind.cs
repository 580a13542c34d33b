namespace WitHost.Wit.Model;

/// <summary>Which kind of resource handle.</summary>
public enum WitHandleKind
{
    /// <summary><c>own&lt;r&gt;</c>, or the bare resource name in a value position.</summary>
    Own,

    /// <summary><c>borrow&lt;r&gt;</c> (parameters only).</summary>
    Borrow,
}
