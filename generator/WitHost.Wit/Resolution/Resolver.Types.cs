using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

// Named types and type expressions.
internal sealed partial class Resolver
{
    /// <summary>Builds the name table of an interface or world body.</summary>
    private TypeScope BuildScope(WitOwner owner, FileScope file, IEnumerable<InterfaceMemberSyntax> members)
    {
        var scope = new TypeScope(owner, file);
        foreach (var member in members)
        {
            var gate = EvaluateGate(member, file.Package);
            switch (member)
            {
                case UseSyntax use:
                    if (use.Names.Count == 0)
                    {
                        // `use x.{};` brings nothing in, but `x` must still exist.
                        LookupInterface(file, use.Path);
                    }

                    foreach (var name in use.Names)
                    {
                        Declare(new UseMember(use, name, gate));
                    }

                    break;
                case TypeDefinitionSyntax type:
                    Declare(new TypeMember(type, gate));
                    break;
                case FunctionSyntax function:
                    Declare(new FunctionMember(function, gate));
                    break;
            }
        }

        return scope;

        void Declare(ScopeMember member)
        {
            if (scope.Members.ContainsKey(member.Name.Name))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateName, member.Name.Span, $"name `{member.Name.Name}` is defined more than once");
                return;
            }

            scope.Members.Add(member.Name.Name, member);
            scope.Ordered.Add(member);
        }
    }

    /// <summary>
    /// Resolves the types of a scope, each after the types of the same scope it names, so that
    /// resolving one never has to resolve a long chain of others inside it (a deep recursion). A scope
    /// whose types name each other in a cycle keeps declaration order, where the lazy resolution
    /// reports the cycle at the reference that closes it.
    /// </summary>
    private void ResolveTypesInDependencyOrder(TypeScope scope)
    {
        var hasCycle = false;
        var order = DependencyOrder.Of<ScopeMember, ScopeMember>(
            scope.Ordered.Where(IsResolvableType),
            member => member is TypeMember type
                ? TypeNameReferences.In(type.Syntax)
                    .Select(name => scope.Members.TryGetValue(name.Name, out var target) ? target : null)
                    .Where(target => target is not null && IsResolvableType(target))
                    .Select(target => (target!, target!))
                : Enumerable.Empty<(ScopeMember, ScopeMember)>(),
            (_, _) => hasCycle = true);
        if (!hasCycle)
        {
            foreach (var member in order)
            {
                ResolveMember(scope, member);
            }
        }

        static bool IsResolvableType(ScopeMember member) => member is TypeMember or UseMember && !member.Gate.Excluded;
    }

    /// <summary>Resolves a type or use member of a scope (memoised); null while it is still in progress.</summary>
    private WitNamedType? ResolveMember(TypeScope scope, ScopeMember member)
    {
        switch (member.State)
        {
            case ResolutionState.Done:
                return member.Resolved;
            case ResolutionState.InProgress:
                return null;
        }

        member.State = ResolutionState.InProgress;
        if (_memberDepth >= TypeBounds.MaxDepth)
        {
            // Resolving a type resolves the types it names first; a chain this long is already past the
            // depth limit, and following it further would only use up the stack.
            _diagnostics.Error(DiagnosticCodes.TypeNestingTooDeep, member.Name.Span,
                $"type `{member.Name.Name}` is nested too deeply: it is reached through more than {TypeBounds.MaxDepth} levels of named types");
            member.State = ResolutionState.Done;
            member.Rejected = true;
            return null;
        }

        _memberDepth++;
        WitNamedType? resolved;
        try
        {
            resolved = member switch
            {
                TypeMember type => DefineType(scope, type),
                UseMember use => DefineUse(scope, use),
                _ => null,
            };
        }
        finally
        {
            _memberDepth--;
        }

        // Diagnostics about the type (the generator's too) point at its name: the declaration's,
        // or the local name a `use` gives it.
        resolved = resolved is null ? null : resolved with { Span = member.Name.Span.ToSourceSpan() };
        if (resolved is not null && !WithinBounds(resolved, member.Name.Span, $"type `{member.Name.Name}`"))
        {
            resolved = null;
            member.Rejected = true;
        }

        member.Resolved = resolved is not null && member.Gate.ExternalId is { } externalId ? resolved with { ExternalId = externalId } : resolved;
        member.State = ResolutionState.Done;
        return member.Resolved;
    }

    /// <summary>
    /// Checks a type against the nesting and size limits (<see cref="TypeBounds"/>), reporting it at
    /// <paramref name="span"/> when it is past one. A type past a limit must not reach the model.
    /// </summary>
    private bool WithinBounds(WitType type, TextSpan span, string what)
    {
        var extent = _bounds.Measure(type);
        if (extent.BuiltOnRejected)
        {
            // Built on a type already reported: rejected too, without another diagnostic.
            return false;
        }

        if (extent.Depth > TypeBounds.MaxDepth)
        {
            _diagnostics.Error(DiagnosticCodes.TypeNestingTooDeep, span,
                $"{what} is nested too deeply: {extent.Depth} levels counting the types it names, more than the {TypeBounds.MaxDepth} allowed");
            return false;
        }

        if (extent.Size > TypeBounds.MaxSize)
        {
            _diagnostics.Error(DiagnosticCodes.TypeTooLarge, span,
                $"{what} is too large: its effective size is {SizeText(extent.Size)}, more than the {TypeBounds.MaxSize:N0} allowed");
            return false;
        }

        return true;
    }

    private static string SizeText(long size) => size == long.MaxValue ? "beyond 2^63" : size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private WitNamedType? DefineUse(TypeScope scope, UseMember member)
    {
        var target = LookupInterface(scope.File, member.Use.Path);
        if (target is null)
        {
            return null;
        }

        if (target.Gate.Excluded && !member.Gate.Excluded)
        {
            ReportExcluded(member.Use.Path.Name.Span, "an interface");
            return null;
        }

        var targetScope = GetScope(target);
        var name = member.UseName.Name;
        if (!targetScope.Members.TryGetValue(name.Name, out var targetMember))
        {
            _diagnostics.Error(DiagnosticCodes.UnknownType, name.Span, $"type `{name.Name}` is not defined in interface `{target.Owner.QualifiedName}`");
            return null;
        }

        if (targetMember is FunctionMember)
        {
            _diagnostics.Error(DiagnosticCodes.NotAType, name.Span, $"cannot import function `{name.Name}` with `use`; only types can be used");
            return null;
        }

        if (targetMember.Gate.Excluded && !member.Gate.Excluded)
        {
            ReportExcluded(name.Span, "a type");
            return null;
        }

        if (targetMember.State == ResolutionState.InProgress)
        {
            _diagnostics.Error(DiagnosticCodes.TypeCycle, name.Span, $"type `{name.Name}` depends on itself");
            return null;
        }

        var resolved = ResolveMember(targetScope, targetMember);
        if (resolved is null)
        {
            member.Rejected = targetMember.Rejected;
            return null;
        }

        return new WitAliasType(member.Name.Name, scope.Owner, member.Use.Docs, member.Gate.Stability, resolved, isUse: true);
    }

    private WitNamedType? DefineType(TypeScope scope, TypeMember member)
    {
        var syntax = member.Syntax;
        var name = syntax.Name.Name;
        var docs = syntax.Docs;
        var stability = member.Gate.Stability;
        switch (syntax)
        {
            case ResourceSyntax:
                return new WitResourceType(name, scope.Owner, docs, stability);

            case TypeAliasSyntax alias:
            {
                // `type t = r` keeps the resource itself as target; everywhere else a resource name means own<r>.
                var target = alias.Target is NamedTypeSyntax named ? ResolveTypeName(scope, named.Name) : ResolveType(scope, alias.Target);
                return new WitAliasType(name, scope.Owner, docs, stability, target, isUse: false);
            }

            case RecordSyntax record:
            {
                // WIT's grammar and the Canonical ABI (definitions.py) have no empty records,
                // flags, tuples, enums or variants: each needs at least one member.
                if (record.Fields.Count == 0)
                {
                    _diagnostics.Error(DiagnosticCodes.EmptyType, record.Name.Span, "empty record: a record needs at least one field");
                }

                CheckUnique(record.Fields.Select(field => field.Name), "field");
                var fields = record.Fields.Select(field => new WitField(field.Name.Name, ResolveType(scope, field.Type), field.Docs));
                return new WitRecordType(name, scope.Owner, docs, stability, fields.ToEquatableArray());
            }

            case VariantSyntax variant:
            {
                if (variant.Cases.Count == 0)
                {
                    _diagnostics.Error(DiagnosticCodes.EmptyType, variant.Name.Span, "empty variant: a variant needs at least one case");
                }

                CheckUnique(variant.Cases.Select(item => item.Name), "case");
                var cases = variant.Cases.Select(item => new WitVariantCase(item.Name.Name, item.Payload is null ? null : ResolveType(scope, item.Payload), item.Docs));
                return new WitVariantType(name, scope.Owner, docs, stability, cases.ToEquatableArray());
            }

            case EnumSyntax @enum:
            {
                if (@enum.Cases.Count == 0)
                {
                    _diagnostics.Error(DiagnosticCodes.EmptyType, @enum.Name.Span, "empty enum: an enum needs at least one case");
                }

                CheckUnique(@enum.Cases.Select(item => item.Name), "case");
                return new WitEnumType(name, scope.Owner, docs, stability, @enum.Cases.Select(item => new WitEnumCase(item.Name.Name, item.Docs)).ToEquatableArray());
            }

            case FlagsSyntax flags:
            {
                if (flags.Flags.Count == 0)
                {
                    _diagnostics.Error(DiagnosticCodes.EmptyType, flags.Name.Span, "empty flags: a flags type needs at least one flag");
                }

                CheckUnique(flags.Flags.Select(item => item.Name), "flag");
                return new WitFlagsType(name, scope.Owner, docs, stability, flags.Flags.Select(item => new WitEnumCase(item.Name.Name, item.Docs)).ToEquatableArray());
            }

            default:
                return null;
        }
    }

    private void CheckUnique(IEnumerable<IdentifierSyntax> names, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!seen.Add(name.Name))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateMember, name.Span, $"{what} `{name.Name}` is defined more than once");
            }
        }
    }

    /// <summary>Resolves a type name to the named type itself (a resource stays a resource).</summary>
    private WitType ResolveTypeName(TypeScope scope, IdentifierSyntax name)
    {
        if (!scope.Members.TryGetValue(name.Name, out var member))
        {
            _diagnostics.Error(DiagnosticCodes.UnknownType, name.Span, $"type `{name.Name}` does not exist");
            return UnresolvedType.Instance;
        }

        if (member is FunctionMember)
        {
            _diagnostics.Error(DiagnosticCodes.NotAType, name.Span, $"cannot use function `{name.Name}` as a type");
            return UnresolvedType.Instance;
        }

        if (member.Gate.Excluded)
        {
            ReportExcluded(name.Span, "a type");
            return UnresolvedType.Instance;
        }

        if (member.State == ResolutionState.InProgress)
        {
            _diagnostics.Error(DiagnosticCodes.TypeCycle, name.Span, $"type `{name.Name}` depends on itself");
            return UnresolvedType.Instance;
        }

        return (WitType?)ResolveMember(scope, member) ?? (member.Rejected ? TypeBounds.Rejected : UnresolvedType.Instance);
    }

    /// <summary>Resolves a type expression in a value position (a bare resource name means <c>own</c>).</summary>
    private WitType ResolveType(TypeScope scope, TypeSyntax syntax)
    {
        switch (syntax)
        {
            case PrimitiveTypeSyntax primitive:
                return Primitive(primitive.Kind);
            case NamedTypeSyntax named:
            {
                var type = ResolveTypeName(scope, named.Name);
                return type.Unaliased is WitResourceType resource ? new WitHandleType(WitHandleKind.Own, resource) : type;
            }

            case ListTypeSyntax list:
                return new WitListType(ResolveType(scope, list.Element), list.Length);
            case TupleTypeSyntax tuple:
                if (tuple.Elements.Count == 0)
                {
                    _diagnostics.Error(DiagnosticCodes.EmptyType, tuple.Span, "empty tuple: a tuple needs at least one type");
                }

                return new WitTupleType(tuple.Elements.Select(element => ResolveType(scope, element)).ToEquatableArray());
            case OptionTypeSyntax option:
                return new WitOptionType(ResolveType(scope, option.Payload));
            case ResultTypeSyntax result:
                return new WitResultType(
                    result.Ok is null ? null : ResolveType(scope, result.Ok),
                    result.Err is null ? null : ResolveType(scope, result.Err));
            case MapTypeSyntax map:
                return new WitMapType(ResolveType(scope, map.Key), ResolveType(scope, map.Value));
            case FutureTypeSyntax future:
                return new WitFutureType(future.Payload is null ? null : ResolveType(scope, future.Payload));
            case StreamTypeSyntax stream:
                return new WitStreamType(stream.Payload is null ? null : ResolveType(scope, stream.Payload));
            case ErrorContextTypeSyntax:
                return WitErrorContextType.Instance;
            case HandleTypeSyntax handle:
            {
                var target = ResolveTypeName(scope, handle.Resource);
                if (target.Unaliased is UnresolvedType)
                {
                    return UnresolvedType.Instance;
                }

                if (target.Unaliased is not WitResourceType resource)
                {
                    _diagnostics.Error(DiagnosticCodes.HandleOfNonResource, handle.Resource.Span, $"type `{handle.Resource.Name}` used in a handle must be a resource");
                    return UnresolvedType.Instance;
                }

                return new WitHandleType(handle.Kind, resource);
            }

            default:
                return UnresolvedType.Instance;
        }
    }

    private static WitPrimitiveType Primitive(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool => WitPrimitiveType.Bool,
        WitPrimitiveKind.S8 => WitPrimitiveType.S8,
        WitPrimitiveKind.U8 => WitPrimitiveType.U8,
        WitPrimitiveKind.S16 => WitPrimitiveType.S16,
        WitPrimitiveKind.U16 => WitPrimitiveType.U16,
        WitPrimitiveKind.S32 => WitPrimitiveType.S32,
        WitPrimitiveKind.U32 => WitPrimitiveType.U32,
        WitPrimitiveKind.S64 => WitPrimitiveType.S64,
        WitPrimitiveKind.U64 => WitPrimitiveType.U64,
        WitPrimitiveKind.F32 => WitPrimitiveType.F32,
        WitPrimitiveKind.F64 => WitPrimitiveType.F64,
        WitPrimitiveKind.Char => WitPrimitiveType.Char,
        _ => WitPrimitiveType.String,
    };
}
