namespace WitHost.Cli;

/// <summary>The exit codes every <c>wit-host</c> command returns (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The input was read but is wrong or the work failed: WIT errors, a trap, an unreadable file.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: a missing or unknown option, a name that is not there, a bad value.</summary>
    public const int Usage = 2;
}
