namespace WitHost.Wit.Abi;

/// <summary>Which side of the Canonical ABI a core function is on.</summary>
public enum AbiDirection
{
    /// <summary>The component lifts a core function: a guest export the host calls.</summary>
    Lift,

    /// <summary>The component lowers a function into a core import: a guest import the host serves.</summary>
    Lower,
}
