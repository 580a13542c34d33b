namespace WitHost.Wit.Model;

/// <summary>
/// A resolved WIT type. The tree is inline (a record's field holds the field's type itself, not an
/// id), so an ABI walker can simply recurse; WIT forbids type cycles, and resources are nominal
/// leaves reached through <see cref="WitHandleType"/>. A value position never holds a bare
/// <see cref="WitResourceType"/>: naming a resource there means <c>own&lt;r&gt;</c>.
/// </summary>
public abstract record WitType
{
    /// <summary>This type with every <see cref="WitAliasType"/> layer removed.</summary>
    public WitType Unaliased
    {
        get
        {
            var type = this;
            while (type is WitAliasType alias)
            {
                type = alias.Target;
            }

            return type;
        }
    }
}
