using Microsoft.CodeAnalysis;
using WitHost.Wit.Diagnostics;

namespace WitHost.Generator;

/// <summary>The generator's diagnostics (documented in docs/diagnostics.md, "Generator diagnostics").</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "WitHost.Generator";

    // The anchor of each id on the diagnostics page (GitHub lowercases heading ids). The IDE shows
    // the link with the host-declaration checks, which are the ones a newcomer meets first.
    private const string HelpPage = "https://github.com/withost/withost/blob/main/docs/diagnostics.md#";

    public static DiagnosticDescriptor HostClassNotPartial { get; } = new(
        "WITHOST0001",
        "The [WitHost] type must be partial",
        "The type '{0}' has [WitHost] but is not partial, so the generator cannot add its members to it; add 'partial'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpPage + "withost0001");

    public static DiagnosticDescriptor HostClassNested { get; } = new(
        "WITHOST0002",
        "The [WitHost] type must not be nested",
        "The type '{0}' has [WitHost] but is nested in another type, so the generator cannot add its members to it; declare it at namespace level",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpPage + "withost0002");

    public static DiagnosticDescriptor WitPathNotFound { get; } = new(
        "WITHOST0003",
        "The WIT file or directory is not an AdditionalFile",
        "No .wit file or directory '{0}' is among the AdditionalFiles (looked for {1}); add {2} to the project file",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpPage + "withost0003");

    public static DiagnosticDescriptor WorldNotFound { get; } = new(
        "WITHOST0004",
        "The world is not defined",
        "The package '{1}' has no world '{0}' (its worlds: {2}){3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpPage + "withost0004");

    public static DiagnosticDescriptor WorldNotSpecified { get; } = new(
        "WITHOST0005",
        "Which world to use is ambiguous",
        "The package '{0}' has {1} worlds ({2}); name one with [WitHost(\"…\", World = \"name\")]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpPage + "withost0005");

    public static DiagnosticDescriptor UnsupportedConstruct { get; } = new(
        "WITHOST0006",
        "A WIT construct is not supported yet",
        "{0} uses {1}, which the generator does not support yet; it is left out of the generated code",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor TooManyFlags { get; } = new(
        "WITHOST0007",
        "Flags with more than 64 members",
        "The flags '{0}' has {1} members, more than the 64 bits of the largest [Flags] enum; it is left out of the generated code",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor ConflictingInterface { get; } = new(
        "WITHOST0008",
        "One WIT interface read differently by two hosts",
        "The interface '{0}' differs between the WIT read by two [WitHost] classes; its C# types are generated from one of them only",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor InvalidWitPath { get; } = new(
        "WITHOST0009",
        "The WIT path is empty",
        "[WitHost] needs the path of a .wit file or of a directory of .wit files",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor NoRootPackage { get; } = new(
        "WITHOST0010",
        "The WIT has no package",
        "No WIT package could be read from '{0}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor CallNotGenerated { get; } = new(
        "WITHOST0011",
        "A call is not generated yet",
        "{0} passes {1}, which the generated calls do not marshal yet; its import entry or export wrapper is left out",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor TypeHasNoWitForm { get; } = new(
        "WITHOST0100",
        "The C# type has no WIT form",
        "The C# type '{0}' has no WIT form: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor DuplicateWitName { get; } = new(
        "WITHOST0101",
        "Two C# names map to the same WIT name",
        "'{0}' and '{1}' both map to the WIT name '{2}'; rename one or give it another with [WitName(\"…\")]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor InvalidInterfaceName { get; } = new(
        "WITHOST0102",
        "The WIT interface name is not valid",
        "'{0}' is not a WIT interface name: write namespace:package/interface or namespace:package/interface@version, with kebab-case names",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor MemberHasNoWitForm { get; } = new(
        "WITHOST0104",
        "The interface member has no WIT form",
        "The member '{0}' has no WIT form: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor InvalidWitName { get; } = new(
        "WITHOST0105",
        "The C# name gives no WIT identifier",
        "The name '{0}' gives no WIT identifier ({1}); give it one with [WitName(\"…\")]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor NotACSharpFirstInterface { get; } = new(
        "WITHOST0106",
        "The type is not a C#-first interface",
        "'{0}' is not an interface with [WitHost(\"namespace:package/interface\")], so it cannot be imported or exported",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor CSharpFirstResourceInTwoInterfaces { get; } = new(
        "WITHOST0108",
        "One C# resource is two WIT resources",
        "The resource '{0}' is used by the C#-first interfaces {1}, each of which declares its own WIT resource '{2}': a handle from one is no handle of the other",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor[] s_all =
    {
        HostClassNotPartial, HostClassNested, WitPathNotFound, WorldNotFound, WorldNotSpecified,
        UnsupportedConstruct, TooManyFlags, ConflictingInterface, InvalidWitPath, NoRootPackage,
        CallNotGenerated,
        TypeHasNoWitForm, DuplicateWitName, InvalidInterfaceName, MemberHasNoWitForm,
        InvalidWitName, NotACSharpFirstInterface, CSharpFirstResourceInTwoInterfaces,
    };


    /// <summary>The generator descriptor with id <paramref name="id"/>, or null.</summary>
    public static DiagnosticDescriptor? Find(string id)
    {
        foreach (var descriptor in s_all)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return null;
    }

    /// <summary>
    /// A descriptor for a diagnostic of the WIT front end (<c>WITnnnn</c>): the message is already
    /// complete, so the format is just the message.
    /// </summary>
    public static DiagnosticDescriptor ForWit(string code, WitDiagnosticSeverity severity) => new(
        code,
        "WIT error",
        "{0}",
        "WitHost.Wit",
        severity == WitDiagnosticSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: null);
}
