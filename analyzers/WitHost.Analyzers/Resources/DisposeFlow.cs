using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WitHost.Analyzers.Resources;

/// <summary>
/// A forward "definitely disposed" analysis over one function body's statements. The state is the
/// set of tracked variables disposed on every path to the current point (null: the point is not
/// reachable). <c>x.Dispose();</c>, <c>x?.Dispose();</c> and <c>using (x) { … }</c> add
/// <c>x</c>; any write to <c>x</c> removes it; branches meet by intersection. A read of a variable in
/// the set is reported. Where the walk does not model a construct (loops, switch, try, labels) it
/// drops knowledge rather than guess, so a report means every path disposes first.
/// </summary>
internal sealed class DisposeFlow
{
    private readonly Func<ISymbol, bool> _isTracked;
    private readonly Action<IOperation> _report;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<IOperation> _reported = new();
    private ImmutableHashSet<ISymbol> _escaped = ImmutableHashSet<ISymbol>.Empty;

    public DisposeFlow(Func<ISymbol, bool> isTracked, Action<IOperation> report, CancellationToken cancellationToken)
    {
        _isTracked = isTracked;
        _report = report;
        _cancellationToken = cancellationToken;
    }

    public void Run(IOperation body)
    {
        // A variable a lambda or local function writes may change whenever that runs: never tracked.
        // Nor is one a ref local aliases: a write through the alias is a write to it.
        _escaped = body.Descendants()
            .Where(operation => operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            .SelectMany(Written)
            .Concat(body.Descendants()
                .OfType<IVariableDeclaratorOperation>()
                .Where(declarator => declarator.Symbol.RefKind != RefKind.None)
                .Select(declarator => ResourceUseAfterDisposeAnalyzer.VariableOf(Unwrap(declarator.GetVariableInitializer()?.Value)))
                .OfType<ISymbol>())
            .ToImmutableHashSet(SymbolEqualityComparer.Default);
        Visit(body, ImmutableHashSet<ISymbol>.Empty.WithComparer(SymbolEqualityComparer.Default));
    }

    private ImmutableHashSet<ISymbol>? Visit(IOperation operation, ImmutableHashSet<ISymbol>? state)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (state is null)
        {
            return null;
        }

        switch (operation)
        {
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    state = Visit(statement, state);
                }

                return state;

            case IExpressionStatementOperation { Operation: var expression } when DisposedBy(expression) is { } disposed:
                return _isTracked(disposed) && !_escaped.Contains(disposed) ? state.Add(disposed) : state;

            case IExpressionStatementOperation { Operation: IThrowOperation thrown }:
                Scan(thrown, state);
                return null;

            case IReturnOperation or IThrowOperation or IBranchOperation:
                Scan(operation, state);
                return null;

            case IConditionalOperation { WhenTrue: var whenTrue, WhenFalse: var whenFalse } conditional when conditional.Type is null:
                state = Scan(conditional.Condition, state);
                return Meet(Visit(whenTrue, state), whenFalse is null ? state : Visit(whenFalse, state));

            case IUsingOperation @using:
                return VisitUsing(@using, state);

            case ILoopOperation loop:
                return VisitLoop(loop, state);

            case ITryOperation @try:
                return VisitTry(@try, state);

            case ILabeledOperation labeled:
                // A goto may arrive from anywhere, before any Dispose.
                var unknown = ImmutableHashSet<ISymbol>.Empty.WithComparer(SymbolEqualityComparer.Default);
                return labeled.Operation is { } labeledStatement ? Visit(labeledStatement, unknown) : unknown;

            default:
                return Scan(operation, state);
        }
    }

    private ImmutableHashSet<ISymbol>? VisitUsing(IUsingOperation @using, ImmutableHashSet<ISymbol> state)
    {
        state = Scan(@using.Resources, state);

        // `using (x)` and `using (var y = x)` dispose x when the body is left.
        var resource = @using.Resources switch
        {
            IVariableDeclarationGroupOperation group => group.Declarations.SelectMany(declaration => declaration.Declarators)
                .Select(declarator => declarator.GetVariableInitializer()?.Value ?? declarator.Initializer?.Value)
                .Select(value => ResourceUseAfterDisposeAnalyzer.VariableOf(Unwrap(value)))
                .FirstOrDefault(variable => variable is not null),
            var expression => ResourceUseAfterDisposeAnalyzer.VariableOf(Unwrap(expression)),
        };
        var after = Visit(@using.Body, state);

        // The using disposes the value it started with: if the body stores another one, that one is live.
        var disposesVariable = resource is not null && _isTracked(resource) && !_escaped.Contains(resource)
            && !Written(@using.Body).Contains(resource, SymbolEqualityComparer.Default);
        return after is not null && disposesVariable ? after.Add(resource!) : after;
    }

    private ImmutableHashSet<ISymbol>? VisitLoop(ILoopOperation loop, ImmutableHashSet<ISymbol> state)
    {
        if (loop is IForEachLoopOperation forEach)
        {
            state = Scan(forEach.Collection, state);
        }

        // At the head of the loop, and so after it, only what the loop never writes is known to stay
        // disposed; Disposes inside the body are not carried to the next iteration.
        var head = state.Except(Written(loop));
        foreach (var child in loop.ChildOperations)
        {
            if (loop is IForEachLoopOperation each && child == each.Collection)
            {
                continue;
            }

            Visit(child, head);
        }

        return head;
    }

    private ImmutableHashSet<ISymbol>? VisitTry(ITryOperation @try, ImmutableHashSet<ISymbol> state)
    {
        var afterTry = Visit(@try.Body, state);

        // A catch may start anywhere in the try block: only what the try block never writes is known.
        var catchEntry = state.Except(Written(@try.Body));
        var after = afterTry;
        foreach (var @catch in @try.Catches)
        {
            after = Meet(after, Visit(@catch, catchEntry));
        }

        if (@try.Finally is { } @finally)
        {
            // The finally block runs on every path, including exceptional ones.
            Visit(@finally, state.Except(Written(@try)));
            after = after?.Except(Written(@finally));
        }

        return after;
    }

    /// <summary>
    /// Reports reads of disposed variables in <paramref name="operation"/>, a statement or expression
    /// whose inner order is not modelled, and returns the state after it. A variable it writes is
    /// excluded before reporting: `x = Create(); x.Use();` inside one construct must not be reported.
    /// </summary>
    private ImmutableHashSet<ISymbol> Scan(IOperation operation, ImmutableHashSet<ISymbol> state)
    {
        var written = Written(operation).ToList();

        // `x = Make(x)` reads x before writing it: the right side is still checked.
        var readable = operation is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
            && !Written(assignment.Value).Any()
            ? state
            : state.Except(written);
        foreach (var reference in Reads(operation))
        {
            if (readable.Contains(ResourceUseAfterDisposeAnalyzer.VariableOf(reference)!) && _reported.Add(reference))
            {
                _report(reference);
            }
        }

        return state.Except(written);
    }

    private static ImmutableHashSet<ISymbol>? Meet(ImmutableHashSet<ISymbol>? a, ImmutableHashSet<ISymbol>? b)
        => a is null ? b : b is null ? a : a.Intersect(b);

    /// <summary>The variable <c>x.Dispose()</c> or <c>x?.Dispose()</c> disposes, or null.</summary>
    private static ISymbol? DisposedBy(IOperation expression) => expression switch
    {
        IInvocationOperation invocation when IsDispose(invocation) => ResourceUseAfterDisposeAnalyzer.VariableOf(invocation.Instance),
        IConditionalAccessOperation { WhenNotNull: IInvocationOperation invocation } access when IsDispose(invocation)
            => ResourceUseAfterDisposeAnalyzer.VariableOf(access.Operation),
        _ => null,
    };

    private static bool IsDispose(IInvocationOperation invocation)
        => invocation.TargetMethod is { Name: "Dispose", Parameters.Length: 0, IsStatic: false };

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>Reads of tracked variables in <paramref name="operation"/>, outside lambdas, local functions and nameof.</summary>
    private IEnumerable<IOperation> Reads(IOperation operation)
    {
        var pending = new Stack<IOperation>();
        pending.Push(operation);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or INameOfOperation)
            {
                continue;
            }

            if (ResourceUseAfterDisposeAnalyzer.VariableOf(current) is { } variable && _isTracked(variable) && IsRead(current))
            {
                yield return current;
            }

            foreach (var child in current.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// False for a reference that is written rather than read, compared with null, disposed again
    /// (Dispose may be called twice), or asked <c>IsDisposed</c> (IGuestResource's question that is
    /// always allowed).
    /// </summary>
    private static bool IsRead(IOperation reference)
    {
        if (reference is ILocalReferenceOperation { IsDeclaration: true })
        {
            return false;
        }

        var parent = reference.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            reference = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IAssignmentOperation assignment => assignment.Target != reference,
            IArgumentOperation { Parameter.RefKind: RefKind.Out } => false,
            IBinaryOperation binary => (binary.LeftOperand == reference ? binary.RightOperand : binary.LeftOperand).ConstantValue is not { HasValue: true, Value: null },
            IIsPatternOperation { Pattern: var pattern } => !IsNullPattern(pattern),
            IInvocationOperation invocation => !IsDispose(invocation),
            IConditionalAccessOperation { WhenNotNull: IInvocationOperation invocation } => !IsDispose(invocation),
            IPropertyReferenceOperation property => !IsDisposedQuestion(property),
            IConditionalAccessOperation { WhenNotNull: IPropertyReferenceOperation property } => !IsDisposedQuestion(property),
            _ => true,
        };
    }

    private static bool IsDisposedQuestion(IPropertyReferenceOperation property)
        => property.Property is { Name: "IsDisposed", IsStatic: false, Type.SpecialType: SpecialType.System_Boolean };

    private static bool IsNullPattern(IPatternOperation pattern) => pattern switch
    {
        INegatedPatternOperation negated => IsNullPattern(negated.Pattern),
        IConstantPatternOperation constant => constant.Value.ConstantValue is { HasValue: true, Value: null },
        _ => false,
    };

    /// <summary>Every variable <paramref name="operation"/> writes or declares, lambdas included.</summary>
    private static IEnumerable<ISymbol> Written(IOperation operation)
    {
        foreach (var current in operation.DescendantsAndSelf())
        {
            switch (current)
            {
                case IAssignmentOperation assignment when ResourceUseAfterDisposeAnalyzer.VariableOf(Unwrap(assignment.Target)) is { } target:
                    yield return target;
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var target in deconstruction.Target.DescendantsAndSelf().Select(ResourceUseAfterDisposeAnalyzer.VariableOf).OfType<ISymbol>())
                    {
                        yield return target;
                    }

                    break;
                case IIncrementOrDecrementOperation increment when ResourceUseAfterDisposeAnalyzer.VariableOf(increment.Target) is { } target:
                    yield return target;
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when ResourceUseAfterDisposeAnalyzer.VariableOf(argument.Value) is { } target:
                    yield return target;
                    break;
                case IVariableDeclaratorOperation declarator:
                    yield return declarator.Symbol;
                    break;
                case ILocalReferenceOperation { IsDeclaration: true } declaration:
                    yield return declaration.Local;
                    break;
                case IDeclarationPatternOperation { DeclaredSymbol: { } declared }:
                    yield return declared;
                    break;
            }
        }
    }
}
