namespace WitHost.Wit.Binary;

/// <summary>One declaration of an instance or component type.</summary>
/// <param name="Kind">What it declares.</param>
/// <param name="Type">The definition, for <see cref="ComponentTypeDeclarationKind.Type"/>.</param>
/// <param name="Alias">The alias, for <see cref="ComponentTypeDeclarationKind.Alias"/>.</param>
/// <param name="Name">The name, for imports and exports.</param>
/// <param name="Description">The type, for imports and exports.</param>
public sealed record ComponentTypeDeclaration(
    ComponentTypeDeclarationKind Kind,
    ComponentTypeDefinition? Type,
    ComponentAlias? Alias,
    string? Name,
    ComponentExternDescription? Description);
