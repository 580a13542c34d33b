namespace WitHost.Wamr.Hosting;

/// <summary>
/// The host functions one instance offers its guest, by import module and name. Each instance
/// gets its own set: two instances of one module with different <see cref="HostImports"/> never
/// see each other's calls.
/// </summary>
public sealed class HostImports
{
    private readonly Dictionary<(string Module, string Name), HostFunction> _functions = [];
    // Families of functions served by name (the async built-ins), asked after the defined ones.
    private readonly List<Func<string, string, HostFunction?>> _resolvers = [];

    /// <summary>No host functions.</summary>
    public static HostImports Empty { get; } = new();

    /// <summary>Adds (or replaces) the function serving <c>(import "module" "name")</c>.</summary>
    public HostImports Define(string module, string name, HostFunction function)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(function);
        if (ReferenceEquals(this, Empty))
        {
            throw new InvalidOperationException("HostImports.Empty cannot be changed; create a new HostImports.");
        }
        _functions[(module, name)] = function;
        return this;
    }

    /// <summary>Adds a family of functions found by name (once per resolver); defined functions come first.</summary>
    internal HostImports AddResolver(Func<string, string, HostFunction?> resolver)
    {
        if (ReferenceEquals(this, Empty))
        {
            throw new InvalidOperationException("HostImports.Empty cannot be changed; create a new HostImports.");
        }
        if (!_resolvers.Contains(resolver))
        {
            _resolvers.Add(resolver);
        }
        return this;
    }

    internal HostFunction? Find(string module, string name)
    {
        if (_functions.TryGetValue((module, name), out var function))
        {
            return function;
        }
        foreach (var resolver in _resolvers)
        {
            if (resolver(module, name) is { } resolved)
            {
                return resolved;
            }
        }
        return null;
    }

    /// <summary>The (module, name) pairs defined so far.</summary>
    public IEnumerable<(string Module, string Name)> Names => _functions.Keys;
}
