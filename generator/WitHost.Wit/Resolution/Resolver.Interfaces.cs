using WitHost.Wit.Collections;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

// Interfaces and functions.
internal sealed partial class Resolver
{
    private TypeScope GetScope(InterfaceEntry entry)
        => entry.Scope ??= BuildScope(entry.Owner, entry.File, entry.Syntax.Members);

    /// <summary>Resolves an interface (memoised); null when it is excluded by a gate or still in progress.</summary>
    private WitInterface? ResolveInterface(InterfaceEntry entry)
    {
        if (entry.State != ResolutionState.NotStarted)
        {
            return entry.Result;
        }

        entry.State = ResolutionState.InProgress;
        var scope = GetScope(entry);
        if (entry.Gate.Excluded)
        {
            // wit-parser drops an excluded interface but still checks its types: one that is not
            // gated itself would survive without its interface.
            foreach (var member in scope.Ordered.Where(member => member is not FunctionMember && !member.Gate.Excluded))
            {
                _diagnostics.Error(DiagnosticCodes.ReferenceToDisabledItem, member.Name.Span,
                    $"type `{member.Name.Name}` is not gated by a feature but its interface is excluded because its @unstable feature is not enabled");
            }

            entry.State = ResolutionState.Done;
            return null;
        }

        ResolveTypesInDependencyOrder(scope);
        var types = new List<WitNamedType>();
        var functions = new List<WitFunction>();
        foreach (var member in scope.Ordered)
        {
            if (member.Gate.Excluded)
            {
                if (member is TypeMember { Syntax: ResourceSyntax excludedResource })
                {
                    CheckExcludedResourceFunctions(scope, excludedResource);
                }

                continue;
            }

            switch (member)
            {
                case FunctionMember function:
                    functions.Add(ResolveFunction(scope, function.Syntax.Name, function.Syntax.Function, WitFunctionKind.Freestanding, null, function.Syntax.Docs, member.Gate));
                    break;
                default:
                    if (ResolveMember(scope, member) is { } type)
                    {
                        types.Add(type);
                        if (member is TypeMember { Syntax: ResourceSyntax resource } && type is WitResourceType resourceType)
                        {
                            functions.AddRange(ResolveResourceFunctions(scope, resource, resourceType));
                        }
                    }

                    break;
            }
        }

        entry.Result = new WitInterface(entry.Syntax.Name.Name, entry.Owner, types.ToEquatableArray(), functions.ToEquatableArray(), entry.Syntax.Docs, entry.Gate.Stability);
        entry.State = ResolutionState.Done;
        return entry.Result;
    }

    /// <summary>Resolves the constructor, methods and static functions of a resource block.</summary>
    private List<WitFunction> ResolveResourceFunctions(TypeScope scope, ResourceSyntax syntax, WitResourceType resource)
    {
        var functions = new List<WitFunction>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var hasConstructor = false;
        foreach (var function in syntax.Functions)
        {
            var gate = EvaluateGate(function, scope.File.Package);
            if (gate.Excluded)
            {
                continue;
            }

            if (function.Kind == WitFunctionKind.Constructor)
            {
                if (hasConstructor)
                {
                    _diagnostics.Error(DiagnosticCodes.DuplicateConstructor, function.Name.Span, "duplicate constructors: a resource has at most one");
                }

                hasConstructor = true;
            }
            else if (!names.Add(function.Name.Name))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateName, function.Name.Span, $"duplicate function name `{function.Name.Name}` in resource `{resource.Name}`");
            }

            functions.Add(ResolveFunction(scope, function.Name, function.Function, function.Kind, resource, function.Docs, gate));
        }

        return functions;
    }

    /// <summary>Reports the functions of a resource that survive while the resource itself is excluded.</summary>
    private void CheckExcludedResourceFunctions(TypeScope scope, ResourceSyntax syntax)
    {
        foreach (var function in syntax.Functions)
        {
            if (!EvaluateGate(function, scope.File.Package).Excluded)
            {
                ReportExcluded(function.Name.Span, "a resource");
            }
        }
    }

    private WitFunction ResolveFunction(
        TypeScope scope,
        IdentifierSyntax name,
        FunctionTypeSyntax syntax,
        WitFunctionKind kind,
        WitResourceType? resource,
        string? docs,
        Gate gate)
    {
        var parameters = new List<WitParameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (kind == WitFunctionKind.Method)
        {
            parameters.Add(new WitParameter("self", new WitHandleType(WitHandleKind.Borrow, resource!)));
            seen.Add("self");
        }

        foreach (var parameter in syntax.Parameters)
        {
            if (!seen.Add(parameter.Name.Name))
            {
                _diagnostics.Error(DiagnosticCodes.DuplicateMember, parameter.Name.Span, $"param `{parameter.Name.Name}` is defined more than once");
            }

            var type = ResolveType(scope, parameter.Type);
            parameters.Add(new WitParameter(parameter.Name.Name, WithinBounds(type, parameter.Type.Span, $"the type of param `{parameter.Name.Name}`") ? type : UnresolvedType.Instance));
        }

        WitType? result;
        if (kind == WitFunctionKind.Constructor)
        {
            result = ResolveConstructorResult(scope, syntax, resource!);
        }
        else
        {
            result = syntax.Result is null ? null : ResolveType(scope, syntax.Result);
        }

        if (result is not null && !WithinBounds(result, syntax.Result?.Span ?? name.Span, "the result type"))
        {
            result = UnresolvedType.Instance;
        }

        // Each type is within bounds; together they are flattened and laid out as one tuple.
        var total = 1L;
        foreach (var type in parameters.Select(parameter => parameter.Type).Append(result).OfType<WitType>())
        {
            total = TypeBounds.SaturatingAdd(total, _bounds.Measure(type).Size);
        }

        if (total > TypeBounds.MaxSize)
        {
            _diagnostics.Error(DiagnosticCodes.TypeTooLarge, name.Span,
                $"function `{name.Name}` is too large: its parameters and result together have an effective size of {SizeText(total)}, more than the {TypeBounds.MaxSize:N0} allowed");
            parameters = parameters.Select(parameter => parameter with { Type = UnresolvedType.Instance }).ToList();
            result = result is null ? null : UnresolvedType.Instance;
        }

        var function = new WitFunction(name.Name, kind, parameters.ToEquatableArray(), result, syntax.IsAsync, resource, scope.Owner, docs, gate.Stability)
        {
            ExternalId = gate.ExternalId,
            Span = name.Span.ToSourceSpan(),
        };
        if (result is not null && BorrowFinder.Contains(result))
        {
            _diagnostics.Error(DiagnosticCodes.BorrowInResult, name.Span,
                $"function `{function.ExternalName}` returns a type which contains a `borrow<T>`, which is only allowed in parameters");
        }

        return function;
    }

    private WitType ResolveConstructorResult(TypeScope scope, FunctionTypeSyntax syntax, WitResourceType resource)
    {
        var own = new WitHandleType(WitHandleKind.Own, resource);
        if (syntax.Result is null)
        {
            return own;
        }

        if (syntax.Result is not ResultTypeSyntax resultSyntax)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidConstructorResult, syntax.Result.Span, "if a constructor return type is declared it must be a `result`");
            return ResolveType(scope, syntax.Result);
        }

        var result = (WitResultType)ResolveType(scope, resultSyntax);
        if (result.Ok is UnresolvedType)
        {
            return result;
        }

        if (!own.Equals(result.Ok))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidConstructorResult, resultSyntax.Ok?.Span ?? resultSyntax.Span,
                $"the `ok` type must be the resource being constructed (`{resource.Name}`)");
        }

        return result;
    }
}
