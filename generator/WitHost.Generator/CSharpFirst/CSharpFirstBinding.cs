using WitHost.Generator.Binding;
using WitHost.Generator.Model;
using WitHost.Wit.Collections;

namespace WitHost.Generator.CSharpFirst;

/// <summary>
/// Puts the user's C# back into a world bound from derived WIT. The binder names things from the
/// WIT (<c>ILogging</c>, <c>Point</c>, <c>string[]</c>); a C#-first interface's types and host
/// interface already exist in C#, so its scope generates nothing but the handle classes of the
/// resources a guest implements (each implementing the user's interface), the import property has
/// the user's interface type, the export class implements it, and every call uses the user's method
/// names and exact parameter and result types. The marshalling itself is unchanged.
/// </summary>
internal static class CSharpFirstBinding
{
    public static WorldBindingResult Apply(WorldBindingResult result, EquatableArray<CSharpFirstInterface> interfaces)
    {
        if (interfaces.IsEmpty || result.Binding is not { } world)
        {
            return result;
        }

        var byName = interfaces.ToDictionary(item => item.QualifiedName, StringComparer.Ordinal);

        // A C#-first interface's types are the user's, with one exception: a resource the guest
        // implements (an exported interface's IDisposable interface) needs a class that holds the
        // guest's handle, so its handle class is still generated, implementing the user's interface.
        var scopes = world.Scopes
            .Select(scope => byName.TryGetValue(scope.Key, out var item) ? DeclaredInCSharp(scope, item) : scope)
            .ToEquatableArray();
        var imports = world.ImportProperties
            .Select(property => byName.TryGetValue(property.WitName, out var item)
                ? property with { Type = item.FullName, Calls = property.Calls.Select(call => Apply(call, item)).ToEquatableArray() }
                : property)
            .ToEquatableArray();
        var exports = world.ExportInterfaces
            .Select(exported => byName.TryGetValue(exported.WitName, out var item)
                ? exported with
                {
                    Calls = exported.Calls.Select(call => Apply(call, item)).ToEquatableArray(),
                    Resources = exported.Resources.Select(resource => Apply(resource, item)).ToEquatableArray(),
                    ImplementedInterface = item.FullName,
                }
                : exported)
            .ToEquatableArray();
        // The handles of a C#-first resource are the user's objects, and its methods the user's.
        var tables = world.ResourceTables
            .Select(table => byName.TryGetValue(table.CoreModule, out var item) && item.Resources.FirstOrDefault(resource => resource.WitName == table.WitName) is { } resource
                ? table with { CSharpType = resource.CSharpType, Methods = table.Methods.Select(call => Apply(call, resource.Methods)).ToEquatableArray() }
                : table)
            .ToEquatableArray();
        return result with
        {
            Binding = world with { Scopes = scopes, ImportProperties = imports, ExportInterfaces = exports, ResourceTables = tables },
            Diagnostics = result.Diagnostics.Concat(SharedResources(world, byName)).ToEquatableArray(),
        };
    }

    // Each C#-first interface declares the resources it uses, since an interface is read on its
    // own (no `use` between C#-first interfaces yet): one C# resource type used by two interfaces
    // of a world is two WIT resources there, whose handles the guest cannot pass from one to the other.
    private static IEnumerable<DiagnosticInfo> SharedResources(WorldBinding world, Dictionary<string, CSharpFirstInterface> byName)
        => world.ImportProperties.Select(property => property.WitName)
            .Concat(world.ExportInterfaces.Select(exported => exported.WitName))
            .Distinct(StringComparer.Ordinal)
            .Where(byName.ContainsKey)
            .Select(name => byName[name])
            .SelectMany(item => item.Resources.Select(resource => (Interface: item, Resource: resource)))
            .GroupBy(use => use.Resource.CSharpType, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => DiagnosticInfoFactory.Create(
                DiagnosticDescriptors.CSharpFirstResourceInTwoInterfaces,
                world.Spec.AttributeLocation,
                group.Key.Replace("global::", ""),
                string.Join(" and ", group.Select(use => "'" + use.Interface.QualifiedName + "'")),
                group.First().Resource.WitName));

    private static CallBinding Apply(CallBinding call, CSharpFirstInterface item) => Apply(call, item.Functions);

    private static ScopeBinding DeclaredInCSharp(ScopeBinding scope, CSharpFirstInterface item)
    {
        var handleClasses = scope.Types
            .OfType<GuestResourceBinding>()
            .Select(resource => (TypeDeclarationBinding)Apply(resource, item.Resources.First(declared => declared.WitName == resource.WitName)))
            .ToEquatableArray();
        return scope with { Types = handleClasses, HostInterface = null, IsDeclaredInCSharp = handleClasses.IsEmpty };
    }

    /// <summary>A guest resource's handle class, implementing the user's interface with its method names and types.</summary>
    private static GuestResourceBinding Apply(GuestResourceBinding resource, CSharpFirstResource declared)
        => resource with
        {
            ImplementedInterface = declared.CSharpType,
            Methods = resource.Methods.Select(method =>
            {
                // The binding's methods leave out self, the declared functions' first parameter; an
                // async method's last is its cancellation token, which the declared function leaves out.
                var function = declared.Methods.First(candidate => candidate.WitName == method.WitName);
                return method with
                {
                    Name = function.MethodName,
                    ReturnType = function.ReturnType,
                    Parameters = method.Parameters.Select((parameter, i) => i + 1 < function.Parameters.Count ? parameter with { Type = function.Parameters[i + 1].CSharpType } : parameter).ToEquatableArray(),
                };
            }).ToEquatableArray(),
        };

    /// <summary>
    /// The method calls of a guest resource with the user's names and types, except <c>self</c>,
    /// which stays the handle class: only it holds the guest's handle.
    /// </summary>
    private static GuestResourceCallsBinding Apply(GuestResourceCallsBinding resource, CSharpFirstInterface item)
    {
        var functions = item.Resources.SelectMany(declared => declared.Methods).ToEquatableArray();
        return resource with
        {
            Methods = resource.Methods.Select(call =>
            {
                var applied = Apply(call, functions);
                return applied with { Parameters = applied.Parameters.Select((parameter, i) => i == 0 ? call.Parameters[0] : parameter).ToEquatableArray() };
            }).ToEquatableArray(),
        };
    }

    private static CallBinding Apply(CallBinding call, EquatableArray<CSharpFirstFunction> functions)
    {
        var function = functions.First(candidate => candidate.WitName == call.WitName);
        var parameters = call.Parameters
            .Select((parameter, i) => parameter with { Type = Apply(parameter.Type, function.Parameters[i]) })
            .ToEquatableArray();
        var result = call.Result is null || function.Result is null ? call.Result : Apply(call.Result, function.Result);
        return call with { MethodName = function.MethodName, Parameters = parameters, Result = result, ReturnsValueTask = function.ReturnsValueTask };
    }

    /// <summary>The binding with the C# types and member names of <paramref name="shape"/>, which has its structure.</summary>
    private static AbiTypeBinding Apply(AbiTypeBinding type, CSharpTypeShape shape)
    {
        if (shape == CSharpTypeShape.None || type.Kind == AbiTypeKind.None)
        {
            return type;
        }

        var children = type.Children.Select((child, i) => Apply(child, i < shape.Children.Count ? shape.Children[i] : CSharpTypeShape.None)).ToEquatableArray();
        return type with
        {
            CSharpType = shape.CSharpType,
            Children = children,
            MemberNames = shape.MemberNames.IsEmpty ? type.MemberNames : shape.MemberNames,
            VariantPayloadName = type.Kind == AbiTypeKind.Variant ? shape.PayloadName : type.VariantPayloadName,
            // A list's or an option's form is the one the user's signature chose (read from its symbol).
            Shape = shape.Shape == CSharpShape.Plain ? type.Shape : shape.Shape,
            HandleClass = type.Kind is AbiTypeKind.ExportedOwn or AbiTypeKind.ExportedBorrow ? type.CSharpType : type.HandleClass,
        };
    }
}
