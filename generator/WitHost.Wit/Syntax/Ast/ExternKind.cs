namespace WitHost.Wit.Syntax.Ast;

/// <summary>The forms of a world import/export.</summary>
internal enum ExternKind
{
    /// <summary><c>import path;</c> — an interface by its path.</summary>
    Path,

    /// <summary><c>import name: func(…);</c></summary>
    Function,

    /// <summary><c>import name: interface { … }</c></summary>
    InlineInterface,

    /// <summary><c>import name: path;</c> — an interface under a plain name.</summary>
    NamedPath,
}
