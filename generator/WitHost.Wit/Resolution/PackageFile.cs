using WitHost.Wit.Syntax;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>The part of one file that belongs to one package: its items and, if written, its declaration.</summary>
internal sealed record PackageFile(SourceText Source, PackageDeclarationSyntax? Declaration, IReadOnlyList<TopLevelItemSyntax> Items);
