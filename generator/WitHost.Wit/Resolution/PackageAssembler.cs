using WitHost.Wit.Diagnostics;
using WitHost.Wit.Syntax.Ast;

namespace WitHost.Wit.Resolution;

/// <summary>
/// Groups parsed files into packages: the files of one directory (or one file) form a package,
/// and every <c>package … { }</c> block is a package of its own.
/// </summary>
internal static class PackageAssembler
{
    /// <summary>
    /// Builds the packages of one group of files. Returns the group's main package (null when the
    /// files only hold nested packages, or on error) and adds every package to <paramref name="packages"/>.
    /// </summary>
    public static PackageSource? Assemble(IReadOnlyList<FileSyntax> files, List<PackageSource> packages, DiagnosticBag diagnostics)
    {
        PackageDeclarationSyntax? declaration = null;
        string? docs = null;
        PackageDeclarationSyntax? docsDeclaration = null;
        var parts = new List<PackageFile>();
        var hasItems = false;
        foreach (var file in files)
        {
            if (file.Package is { } declared)
            {
                if (declaration is null)
                {
                    declaration = declared;
                }
                else if (!declared.Name.ToModel().Equals(declaration.Name.ToModel()))
                {
                    diagnostics.Error(DiagnosticCodes.PackageNameMismatch, declared.Name.Span,
                        $"package `{declared.Name.ToModel()}` does not match the package `{declaration.Name.ToModel()}` declared in {declaration.Span.Source.Path}");
                }

                if (declared.Docs is not null)
                {
                    if (docsDeclaration is not null)
                    {
                        diagnostics.Error(DiagnosticCodes.MultiplePackageDocs, declared.Span,
                            $"doc comments on more than one `package` declaration (also in {docsDeclaration.Span.Source.Path})");
                    }

                    docs ??= declared.Docs;
                    docsDeclaration ??= declared;
                }
            }

            hasItems |= file.Items.Count > 0;
            parts.Add(new PackageFile(file.Source, file.Package, file.Items));
            foreach (var nested in file.NestedPackages)
            {
                packages.Add(new PackageSource(
                    nested.Package.Name.ToModel(),
                    nested.Package,
                    new[] { new PackageFile(file.Source, nested.Package, nested.Items) },
                    nested.Package.Docs));
            }
        }

        if (declaration is null)
        {
            if (hasItems || (files.Count > 0 && files.All(file => file.NestedPackages.Count == 0)))
            {
                var first = files.FirstOrDefault(file => file.Items.Count > 0) ?? files[0];
                diagnostics.Error(DiagnosticCodes.MissingPackageDeclaration, first.Items.FirstOrDefault() switch
                {
                    InterfaceSyntax item => item.Name.Span,
                    WorldSyntax item => item.Name.Span,
                    TopLevelUseSyntax item => item.Span,
                    _ => new Syntax.TextSpan(first.Source, 0, 0),
                }, "no `package` declaration was found in any WIT file of this package");
            }

            return null;
        }

        var package = new PackageSource(declaration.Name.ToModel(), declaration, parts, docs);
        packages.Add(package);
        return package;
    }
}
