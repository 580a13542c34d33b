using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Syntax;

// World bodies: import, export, include, use and type definitions.
internal sealed partial class Parser
{
    private List<WorldMemberSyntax> ParseWorldBody()
    {
        Expect(TokenKind.LeftBrace);
        return ParseMembersUntilRightBrace(ParseWorldMember);
    }

    private WorldMemberSyntax ParseWorldMember(string? docs, IReadOnlyList<AttributeSyntax> attributes)
    {
        switch (Kind)
        {
            case TokenKind.Import:
            case TokenKind.Export:
                return ParseImportExport() with { Docs = docs, Attributes = attributes };
            case TokenKind.Include:
                return ParseInclude() with { Docs = docs, Attributes = attributes };
            case TokenKind.Use:
                return new WorldUseSyntax(ParseUse() with { Docs = docs, Attributes = attributes }) { Docs = docs, Attributes = attributes };
        }

        if (TryParseTypeDefinition(docs, attributes) is { } type)
        {
            return new WorldTypeSyntax(type) { Docs = docs, Attributes = attributes };
        }

        throw Unexpected("`import`, `export`, `include`, `use` or a type definition");
    }

    private ImportExportSyntax ParseImportExport()
    {
        var start = Advance();
        var isExport = start.Kind == TokenKind.Export;

        // `name: func…`, `name: interface {…}` and `name: path` all start with `id ':'`, and so
        // does the path `ns:pkg/iface`; a '/' after the second identifier tells them apart.
        if (AtIdentifier && PeekKind(1) == TokenKind.Colon)
        {
            var afterColon = PeekKind(2);
            var isQualifiedPath = afterColon is TokenKind.Identifier or TokenKind.ExplicitIdentifier && PeekKind(3) == TokenKind.Slash;
            if (!isQualifiedPath)
            {
                var name = ParseIdentifier();
                Expect(TokenKind.Colon);
                if (Kind is TokenKind.Func or TokenKind.Async)
                {
                    var function = ParseFunctionType();
                    Expect(TokenKind.Semicolon);
                    return new ImportExportSyntax(isExport, ExternKind.Function, name, null, function, null, SpanFrom(start));
                }

                if (Kind == TokenKind.Interface)
                {
                    var interfaceStart = Advance();
                    var members = ParseInterfaceBody();
                    Eat(TokenKind.Semicolon);
                    var inline = new InterfaceSyntax(name, members, SpanFrom(interfaceStart));
                    return new ImportExportSyntax(isExport, ExternKind.InlineInterface, name, null, null, inline, SpanFrom(start));
                }

                var namedPath = ParseUsePath();
                Expect(TokenKind.Semicolon);
                return new ImportExportSyntax(isExport, ExternKind.NamedPath, name, namedPath, null, null, SpanFrom(start));
            }
        }

        var path = ParseUsePath();
        Expect(TokenKind.Semicolon);
        return new ImportExportSyntax(isExport, ExternKind.Path, null, path, null, null, SpanFrom(start));
    }

    private IncludeSyntax ParseInclude()
    {
        var start = Expect(TokenKind.Include);
        var path = ParseUsePath();
        var names = new List<IncludeNameSyntax>();
        if (Eat(TokenKind.With))
        {
            names = ParseBraceList(() =>
            {
                var name = ParseIdentifier();
                Expect(TokenKind.As);
                return new IncludeNameSyntax(name, ParseIdentifier());
            });

            // wit-parser accepts the `;` after a `with { … }` block as optional.
            Eat(TokenKind.Semicolon);
            return new IncludeSyntax(path, names, SpanFrom(start));
        }

        Expect(TokenKind.Semicolon);
        return new IncludeSyntax(path, names, SpanFrom(start));
    }
}
