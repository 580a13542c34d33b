namespace WitHost.Wit.Syntax.Ast;

/// <summary>The attributes WIT knows.</summary>
internal enum AttributeKind
{
    Since,
    Unstable,
    Deprecated,
    ExternalId,
}
