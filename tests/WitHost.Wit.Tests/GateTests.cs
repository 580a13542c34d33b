using System.Collections.Immutable;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Model;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>@since, @unstable (with enabled features) and @deprecated.</summary>
public sealed class GateTests
{
    private const string Gated = """
        package a:b@1.2.0;
        @since(version = 1.0.0)
        interface i {
          @since(version = 1.0.0)
          @deprecated(version = 1.1.0)
          old: func();
          @unstable(feature = shiny)
          new: func();
          @unstable(feature = shiny)
          resource r { @unstable(feature = shiny) constructor(); }
        }
        @unstable(feature = shiny)
        interface experimental {}
        world w {
          @since(version = 1.0.0)
          import i;
          @unstable(feature = shiny)
          import experimental;
        }
        """;

    [Fact]
    public void Disabled_features_drop_their_items()
    {
        var package = WitText.Valid(Gated);
        var i = package.FindInterface("i")!;
        Assert.Equal(new[] { "old" }, i.Functions.Select(f => f.Name));
        Assert.Empty(i.Types);
        Assert.Null(package.FindInterface("experimental"));
        Assert.Equal(new[] { "a:b/i@1.2.0" }, package.FindWorld("w")!.Imports.Select(item => item.Name));
    }

    [Fact]
    public void Enabled_features_keep_them_with_their_stability()
    {
        var package = WitText.Valid(Gated, new WitResolverOptions { EnabledFeatures = ImmutableHashSet.Create("shiny") });
        var i = package.FindInterface("i")!;
        Assert.Equal(new[] { "old", "new", "[constructor]r" }, i.Functions.Select(f => f.ExternalName));
        Assert.Equal(new WitStability(WitStabilityKind.Stable, new WitVersion(1, 0, 0), null, new WitVersion(1, 1, 0)), i.Functions[0].Stability);
        Assert.Equal(new WitStability(WitStabilityKind.Unstable, null, "shiny", null), i.Functions[1].Stability);
        Assert.Equal(new WitStability(WitStabilityKind.Stable, new WitVersion(1, 0, 0), null, null), i.Stability);
        Assert.Equal(2, package.FindWorld("w")!.Imports.Count);
    }

    [Fact]
    public void All_features_enables_everything()
        => Assert.NotNull(WitText.Valid(Gated, new WitResolverOptions { AllFeatures = true }).FindInterface("experimental"));

    [Fact]
    public void A_kept_item_cannot_use_a_dropped_one()
        => WitText.Error("package a:b;\ninterface i {\n  @unstable(feature = off)\n  record g { x: u8 }\n  record r { f: $$g }\n}", DiagnosticCodes.ReferenceToDisabledItem);

    [Fact]
    public void Ungated_types_inside_a_dropped_interface_are_reported()
        => WitText.Error("package a:b;\n@unstable(feature = off)\ninterface i {\n  type $$t = u32;\n}", DiagnosticCodes.ReferenceToDisabledItem);

    [Fact]
    public void Ungated_functions_of_a_dropped_resource_are_reported()
        => WitText.Error("package a:b;\ninterface i {\n  @unstable(feature = off)\n  resource r {\n    $$constructor();\n  }\n}", DiagnosticCodes.ReferenceToDisabledItem);

    [Fact]
    public void Including_a_dropped_world_is_reported()
        => WitText.Error("package a:b;\n@unstable(feature = off)\nworld a {}\nworld b {\n  include $$a;\n}", DiagnosticCodes.ReferenceToDisabledItem);

    [Fact]
    public void Since_and_unstable_together_are_rejected()
        => WitText.Error("package a:b@1.0.0;\n@since(version = 1.0.0)\n$$@unstable(feature = x)\ninterface i {}", DiagnosticCodes.InvalidGateCombination);

    [Fact]
    public void Deprecated_alone_is_rejected()
        => WitText.Error("package a:b@1.0.0;\n$$@deprecated(version = 1.0.0)\ninterface i {}", DiagnosticCodes.InvalidGateCombination);

    [Fact]
    public void Gate_fields_are_checked()
        => WitText.Error("package a:b@1.0.0;\n@since($$feature = x)\ninterface i {}", DiagnosticCodes.InvalidAttribute);
}
