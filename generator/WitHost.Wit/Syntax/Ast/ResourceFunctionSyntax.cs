using WitHost.Wit.Model;

namespace WitHost.Wit.Syntax.Ast;

/// <summary>A constructor, method or static function inside a resource block.</summary>
/// <param name="Kind">Constructor, method or static.</param>
/// <param name="Name">The name (the <c>constructor</c> keyword for a constructor).</param>
/// <param name="Function">Parameters, result and async flag.</param>
internal sealed record ResourceFunctionSyntax(WitFunctionKind Kind, IdentifierSyntax Name, FunctionTypeSyntax Function) : ItemSyntax;
