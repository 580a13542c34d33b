namespace WitHost.Wamr;

/// <summary>An error reported by WAMR or by the WitHost runtime around it.</summary>
public class WamrException : Exception
{
    public WamrException(string message) : base(message) { }

    public WamrException(string message, Exception? innerException) : base(message, innerException) { }
}
