namespace WitHost.Wit.Diagnostics;

/// <summary>
/// The stable diagnostic codes. Each is documented in docs/diagnostics.md; a code never changes
/// meaning once published, new problems get new codes.
/// </summary>
public static class DiagnosticCodes
{
    // Lexical: 0001-0099.

    /// <summary>A character that cannot start any token.</summary>
    public const string UnexpectedCharacter = "WIT0001";

    /// <summary>A <c>/*</c> comment without its closing <c>*/</c>.</summary>
    public const string UnterminatedComment = "WIT0002";

    /// <summary>A string literal that is unterminated or has a bad escape.</summary>
    public const string InvalidStringLiteral = "WIT0003";

    /// <summary>A control, bidirectional-override or deprecated code point in the source.</summary>
    public const string ForbiddenCodePoint = "WIT0004";

    /// <summary>An identifier that is not kebab-case (empty part, bad character, mixed case in a part, leading digit).</summary>
    public const string InvalidIdentifier = "WIT0005";

    // Syntax: 0100-0199.

    /// <summary>The parser expected one thing and found another.</summary>
    public const string UnexpectedToken = "WIT0100";

    /// <summary>A version that is not valid semver.</summary>
    public const string InvalidVersion = "WIT0101";

    /// <summary>A fixed-length list whose length is zero or too large.</summary>
    public const string InvalidListLength = "WIT0102";

    /// <summary>Types nested too deeply.</summary>
    public const string TypeNestingTooDeep = "WIT0103";

    /// <summary>A <c>package … { }</c> block inside another one.</summary>
    public const string NestedPackageNotTopLevel = "WIT0104";

    /// <summary>An attribute other than <c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>, <c>@external-id</c>, or a malformed one.</summary>
    public const string InvalidAttribute = "WIT0105";

    /// <summary>Conflicting or repeated gates: two <c>@since</c>, <c>@since</c> with <c>@unstable</c>, <c>@deprecated</c> alone.</summary>
    public const string InvalidGateCombination = "WIT0106";

    /// <summary>Attributes where none are allowed (a top-level <c>use</c>, a nested package).</summary>
    public const string AttributeNotAllowed = "WIT0107";

    // Packages and files: 0200-0299.

    /// <summary>No <c>package</c> declaration in any file of a package.</summary>
    public const string MissingPackageDeclaration = "WIT0200";

    /// <summary>Files of one package declare different package names.</summary>
    public const string PackageNameMismatch = "WIT0201";

    /// <summary>More than one file documents the <c>package</c> declaration.</summary>
    public const string MultiplePackageDocs = "WIT0202";

    /// <summary>The same package is defined in two places.</summary>
    public const string DuplicatePackage = "WIT0203";

    /// <summary>Packages depend on each other in a cycle.</summary>
    public const string PackageCycle = "WIT0204";

    /// <summary>A referenced package is not known.</summary>
    public const string PackageNotFound = "WIT0205";

    /// <summary>A path that cannot be read, or a directory without <c>.wit</c> files.</summary>
    public const string UnreadablePath = "WIT0206";

    // Names: 0300-0399.

    /// <summary>Two interfaces/worlds of a package share a name.</summary>
    public const string DuplicateItem = "WIT0300";

    /// <summary>A top-level <c>use</c> name clashes with another name of the file.</summary>
    public const string DuplicateFileName = "WIT0301";

    /// <summary>A type or function name defined twice in an interface or world.</summary>
    public const string DuplicateName = "WIT0302";

    /// <summary>Two names that differ only in case (kebab-case names are case-insensitive).</summary>
    public const string CaseInsensitiveClash = "WIT0303";

    /// <summary>A parameter, field, case or flag name repeated.</summary>
    public const string DuplicateMember = "WIT0304";

    /// <summary>An interface or world name that is not defined.</summary>
    public const string UnknownInterfaceOrWorld = "WIT0305";

    /// <summary>A package does not have the named interface.</summary>
    public const string InterfaceNotFound = "WIT0306";

    /// <summary>A package does not have the named world.</summary>
    public const string WorldNotFound = "WIT0307";

    /// <summary>A world where an interface is needed, or the other way round.</summary>
    public const string WrongItemKind = "WIT0308";

    /// <summary>A type name that is not defined.</summary>
    public const string UnknownType = "WIT0309";

    /// <summary>A function (or other non-type) where a type is needed.</summary>
    public const string NotAType = "WIT0310";

    /// <summary>Interfaces/worlds that depend on themselves through <c>use</c> or <c>include</c>.</summary>
    public const string ItemCycle = "WIT0311";

    /// <summary>A type that refers to itself.</summary>
    public const string TypeCycle = "WIT0312";

    // Types and functions: 0400-0499.

    /// <summary><c>own</c>/<c>borrow</c> of something that is not a resource.</summary>
    public const string HandleOfNonResource = "WIT0400";

    /// <summary>A function result containing <c>borrow&lt;T&gt;</c> (borrows are for parameters only).</summary>
    public const string BorrowInResult = "WIT0401";

    /// <summary>A record, flags, tuple, enum or variant without members.</summary>
    public const string EmptyType = "WIT0402";

    /// <summary>A map key that is not bool, an integer, char or string.</summary>
    public const string InvalidMapKey = "WIT0403";

    /// <summary>A constructor result that is not <c>result&lt;r, …&gt;</c> of its own resource.</summary>
    public const string InvalidConstructorResult = "WIT0404";

    /// <summary>More than one constructor in a resource.</summary>
    public const string DuplicateConstructor = "WIT0405";

    // Worlds: 0500-0599.

    /// <summary>An import or export name used twice.</summary>
    public const string WorldNameConflict = "WIT0500";

    /// <summary>The same interface imported, or exported, twice.</summary>
    public const string InterfaceRepeated = "WIT0501";

    /// <summary>An <c>include</c> brings a name that is already there.</summary>
    public const string IncludeShadows = "WIT0502";

    /// <summary>An <c>include … with { a as b }</c> name that the included world does not have.</summary>
    public const string IncludeNameNotFound = "WIT0503";

    /// <summary>An export depends on an interface that is both imported and exported, so the world has no consistent meaning.</summary>
    public const string IncompatibleTransitiveDependency = "WIT0504";

    // Feature gates: 0600-0699.

    /// <summary>A reference to an item excluded because its <c>@unstable</c> feature is not enabled.</summary>
    public const string ReferenceToDisabledItem = "WIT0600";

    /// <summary><c>@since</c> names a version newer than the package's own.</summary>
    public const string GateVersionUnreleased = "WIT0601";

    /// <summary>A gate in a package without a version.</summary>
    public const string GateInUnversionedPackage = "WIT0602";
}
