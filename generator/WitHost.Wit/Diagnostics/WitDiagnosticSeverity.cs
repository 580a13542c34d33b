namespace WitHost.Wit.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum WitDiagnosticSeverity
{
    /// <summary>The WIT is invalid.</summary>
    Error,

    /// <summary>The WIT is valid but suspicious.</summary>
    Warning,
}
