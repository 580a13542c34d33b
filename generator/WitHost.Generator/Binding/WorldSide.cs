namespace WitHost.Generator.Binding;

/// <summary>
/// What one side of a world (its imports, or its exports) maps types and binds calls and scopes
/// with. The two sides map apart: an interface the world both imports and exports is two
/// instances, the host's (host interfaces) and the guest's (handle classes).
/// </summary>
internal sealed record WorldSide(TypeMapper Mapper, CallBinder Calls, ScopeBinder Scopes);
