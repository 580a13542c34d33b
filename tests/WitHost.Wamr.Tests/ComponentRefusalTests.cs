using WitHost.Wamr.Components;
using static WitHost.Wamr.Tests.ComponentBytes;

namespace WitHost.Wamr.Tests;

/// <summary>
/// Malformed components and shapes WitHost cannot run: each is a <see cref="ComponentLoadException"/>
/// whose message names the problem (and its offset), never another exception and never a hang.
/// </summary>
public sealed class ComponentRefusalTests
{
    private static ComponentLoadException Refused(byte[] bytes)
    {
        using var engine = new WamrEngine();
        return Assert.Throws<ComponentLoadException>(() => engine.LoadComponent(bytes));
    }

    [Fact]
    public void The_minimal_component_loads()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(MinimalComponent());
        Assert.Equal(["f"], module.Component!.Exports.Keys);
        Assert.Empty(module.Component.Imports);
        Assert.Equal("package root:component;\n\nworld root {\n  export f: func();\n}\n", module.Component.WitText);
    }

    [Fact]
    public void Every_truncation_inside_a_section_is_refused_with_an_offset()
    {
        byte[] whole = MinimalComponent();
        HashSet<int> boundaries = SectionBoundaries(whole);
        for (int length = 8; length < whole.Length; length++)
        {
            if (boundaries.Contains(length))
            {
                continue; // a shorter, well-formed component
            }
            ComponentLoadException e = Refused(whole[..length]);
            Assert.Contains("Malformed component", e.Message);
            Assert.NotNull(e.Offset);
            Assert.True(e.Offset <= length, $"offset {e.Offset} past the {length} bytes");
        }
    }

    [Fact]
    public void Truncations_of_a_real_component_are_refused()
    {
        byte[] whole = TestComponents.Roundtrip.Bytes;
        HashSet<int> boundaries = SectionBoundaries(whole);
        for (int length = 8; length < whole.Length; length += 97)
        {
            if (!boundaries.Contains(length))
            {
                Assert.Contains("Malformed component", Refused(whole[..length]).Message);
            }
        }
    }

    /// <summary>Where the top-level sections of a well-formed component end.</summary>
    private static HashSet<int> SectionBoundaries(byte[] component)
    {
        var ends = new HashSet<int> { 8 };
        int position = 8;
        while (position < component.Length)
        {
            position++; // id
            uint size = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = component[position++];
                size |= (uint)(b & 0x7f) << shift;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }
            position += (int)size;
            ends.Add(position);
        }
        return ends;
    }

    [Fact]
    public void A_preamble_that_claims_a_component_over_a_core_module_is_refused()
    {
        byte[] core = CoreModule();
        core[4] = 0x0d;
        core[6] = 0x01; // layer 1, version 0x0d: "a component", but the sections are a core module's
        ComponentLoadException e = Refused(core);
        Assert.Contains("Malformed component", e.Message);
    }

    [Fact]
    public void A_component_version_other_than_0x0d_is_refused_by_name()
    {
        byte[] component = MinimalComponent();
        component[4] = 0x0c;
        Assert.Contains("version 0x000c is not supported", Refused(component).Message);
    }

    [Fact]
    public void A_component_whose_layer_says_core_module_goes_to_wamr_and_is_refused()
    {
        byte[] component = MinimalComponent();
        component[6] = 0x00;
        using var engine = new WamrEngine();
        Assert.ThrowsAny<WasmModuleLoadException>(() => engine.LoadModule(component));
        Assert.Contains("core module", Assert.Throws<ComponentLoadException>(() => engine.LoadComponent(component)).Message);
    }

    [Fact]
    public void A_reference_to_an_item_defined_later_is_refused()
    {
        // The alias names core instance 0 before the core instance section defines it.
        byte[] bytes = Component(
            Section(1, CoreModule()),
            Section(6, Vector([0x00, 0x00, 0x01, 0x00, .. Name("f")])),
            Section(2, Vector([0x00, 0x00, .. Vector()])));
        Assert.Contains("refers to core instance 0, but only 0 are defined before it", Refused(bytes).Message);
    }

    [Fact]
    public void A_section_size_past_the_end_is_refused()
    {
        byte[] bytes = [.. ComponentPreamble, 0x07, .. Leb(0x7fff_ffff), 0x01];
        Assert.Contains("runs past the end", Refused(bytes).Message);
    }

    [Fact]
    public void A_count_larger_than_the_bytes_is_refused_before_anything_is_allocated()
    {
        byte[] bytes = [.. ComponentPreamble, 0x07, 0x04, .. Leb(0x0fff_ffff)];
        Assert.Contains("count 268435455 is larger than", Refused(bytes).Message);
    }

    [Fact]
    public void Overlong_and_overflowing_integers_are_refused()
    {
        Assert.Contains("too long", Refused([.. ComponentPreamble, 0x07, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]).Message);
        Assert.Contains("too large for u32", Refused([.. ComponentPreamble, 0x07, 0xff, 0xff, 0xff, 0xff, 0x7f]).Message);
    }

    [Fact]
    public void An_unknown_section_is_refused_by_id()
    {
        Assert.Contains("unknown component section id 12", Refused([.. ComponentPreamble, 0x0c, 0x00]).Message);
    }

    [Fact]
    public void A_nested_component_with_code_is_refused_by_name()
    {
        byte[] nested = Component(Section(1, CoreModule()));
        byte[] bytes = [.. MinimalComponent(), .. Section(4, nested)];
        Assert.Contains("nested component 0 holds code", Refused(bytes).Message);
    }

    [Fact]
    public void Two_main_modules_are_refused_by_name()
    {
        byte[] bytes = Component(
            Section(1, CoreModule()),
            Section(1, CoreModule()),
            Section(2, Vector([0x00, 0x00, .. Vector()], [0x00, 0x01, .. Vector()])),
            Section(6, Vector([0x00, 0x00, 0x01, 0x00, .. Name("f")], [0x00, 0x00, 0x01, 0x01, .. Name("f")])),
            Section(7, Vector([0x40, .. Vector(), 0x01, 0x00])),
            Section(8, Vector([0x00, 0x00, 0x00, .. Vector(), 0x00], [0x00, 0x00, 0x01, .. Vector(), 0x00])));
        Assert.Contains("several main modules", Refused(bytes).Message);
    }

    [Fact]
    public void An_instance_of_an_imported_component_is_refused_by_name()
    {
        byte[] bytes = [.. MinimalComponent(),
            .. Section(7, Vector([0x41, .. Vector()])),
            .. Section(10, Vector([0x00, .. Name("other"), 0x04, 0x01]))];
        Assert.Contains("imports a component ('other')", Refused(bytes).Message);
    }

    [Fact]
    public void A_main_module_importing_memory_is_refused_by_name()
    {
        byte[] importsMemory =
        [
            .. CorePreamble,
            .. Section(1, Vector([0x60, 0x00, 0x00])),
            .. Section(2, Vector([.. Name("env"), .. Name("memory"), 0x02, 0x00, 0x01])),
            .. Section(3, Vector([0x00])),
            .. Section(7, Vector([.. Name("f"), 0x00, 0x00])),
            .. Section(10, Vector([0x02, 0x00, 0x0b])),
        ];
        byte[] bytes = Component(
            Section(1, CoreModule()),
            Section(1, importsMemory),
            Section(2, Vector([0x00, 0x00, .. Vector()])),
            Section(6, Vector([0x00, 0x02, 0x01, 0x00, .. Name("memory")])),
            Section(2, Vector([0x01, .. Vector([.. Name("memory"), 0x02, 0x00])])),
            Section(2, Vector([0x00, 0x01, .. Vector([.. Name("env"), 0x12, 0x01])])),
            Section(6, Vector([0x00, 0x00, 0x01, 0x02, .. Name("f")])),
            Section(7, Vector([0x40, .. Vector(), 0x01, 0x00])),
            Section(8, Vector([0x00, 0x00, 0x00, .. Vector(), 0x00])));
        Assert.Contains("imports memory 'env'.'memory' from another module", Refused(bytes).Message);
    }

    [Fact]
    public void Deeply_chained_types_are_refused_by_the_wit_decoder_not_a_stack_overflow()
    {
        // type 0 = u32; type i = list<type i-1> … 20000 deep; export "t" (type 19999).
        const int depth = 20_000;
        var types = new List<byte[]> { new byte[] { 0x79 } };
        for (uint i = 1; i < depth; i++)
        {
            types.Add([0x70, .. TypeIndex(i - 1)]);
        }
        byte[] bytes = Component(
            Section(7, Vector([.. types])),
            Section(11, Vector([0x00, .. Name("t"), 0x03, .. Leb(depth - 1), 0x00])));
        var e = Assert.Throws<Wit.Binary.ComponentFormatException>(() => Wit.Binary.ComponentWitDecoder.Decode(bytes));
        Assert.Contains("more than 500 levels deep", e.Message);
    }

    [Fact]
    public void A_stackful_async_lift_is_refused_at_instantiation_whatever_its_core_name()
    {
        // canon lift with `async` and no `callback`, of a core export named "impl-f": the
        // component says it is stackful, which the core name alone would not show.
        byte[] bytes = BuiltinComponent([0x1f], "m", "new-set", [0x06]);
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(bytes);
        var refused = Assert.Throws<WasmInstantiationException>(() => module.Instantiate(Async.AsyncBuiltins.AddTo(new())));
        Assert.Contains("its export '[async-lift-stackful]f' is lifted async without a callback (stackful), which needs stack switching", refused.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x26 }, "'$root' '[thread-index]', which needs stack switching")]
    [InlineData(new byte[] { 0x29, 0x00 }, "'$root' '[thread-suspend]', which needs stack switching")]
    [InlineData(new byte[] { 0x0c, 0x01 }, "'$root' '[cancellable][thread-yield]': cancellable waits are not supported")]
    public void Built_ins_that_need_stack_switching_are_refused_at_instantiation_whatever_their_core_names(byte[] builtin, string expected)
    {
        byte[] bytes = BuiltinComponent(builtin, "m", "b");
        using var engine = new WamrEngine();
        using var module = engine.LoadComponent(bytes);
        var refused = Assert.Throws<WasmInstantiationException>(() => module.Instantiate(Async.AsyncBuiltins.AddTo(new())));
        Assert.Contains(expected, refused.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x09, 0x01, 0x00, 0x00 }, "ret", "is canon task.return, which WitHost serves only under the core name wit-bindgen gives it ('[task-return]…' in module '[export]…')")]
    [InlineData(new byte[] { 0x05 }, "cancel", "is canon task.cancel, which WitHost serves only under the core name wit-bindgen gives it ('[task-cancel]…' in module '[export]…')")]
    public void A_function_built_in_under_a_name_that_does_not_say_its_function_is_refused(byte[] builtin, string name, string expected)
    {
        byte[] bytes = BuiltinComponent(builtin, "m", name);
        Assert.Contains($"the main core module's import 'm'.'{name}' {expected}", Refused(bytes).Message);
    }

    [Fact]
    public void Mutated_components_are_refused_or_read_never_anything_else()
    {
        // The reader alone (no WAMR): every mutation of a real component is read or refused
        // with a ComponentLoadException, in bounded time; the WIT decoder likewise.
        byte[] original = TestComponents.Roundtrip.Bytes;
        var random = new Random(20261204);
        int refused = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] mutated = (byte[])original.Clone();
            int flips = random.Next(1, 4);
            for (int f = 0; f < flips; f++)
            {
                // Most of a component is its main module; aim at the component's own structure too.
                int at = random.Next(2) == 0 ? random.Next(8, Math.Min(mutated.Length, 400)) : random.Next(8, mutated.Length);
                mutated[at] = (byte)random.Next(256);
            }
            try
            {
                (byte[] _, GuestComponent component) = GuestComponentReader.Read(mutated);
                _ = component.WitText;
            }
            catch (ComponentLoadException)
            {
                refused++;
            }
        }
        Assert.True(refused > 0);
    }
}
