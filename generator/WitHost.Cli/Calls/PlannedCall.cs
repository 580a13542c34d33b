using WitHost.Wamr.Values;
using WitHost.Wit.Abi;
using WitHost.Wit.Model;

namespace WitHost.Cli.Calls;

/// <summary>
/// One call of a <c>wit-host call</c> command line, parsed before any runs: an export with its
/// arguments, or <c>[resource-drop]r(h)</c> of a handle (<see cref="DroppedResource"/>).
/// </summary>
/// <param name="Text">The call as written, for messages.</param>
/// <param name="Export">The export called, or null for a drop.</param>
/// <param name="DroppedResource">The resource whose handle is dropped, or null for an export.</param>
/// <param name="Arguments">The arguments, as the command holds them (host-held handle numbers).</param>
internal sealed record PlannedCall(string Text, CoreExportBinding? Export, WitResourceType? DroppedResource, IReadOnlyList<WitValue> Arguments);
