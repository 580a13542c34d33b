using WitHost.Wamr.Binary;
using static WitHost.Wamr.Tests.Untrusted.WasmBytes;

namespace WitHost.Wamr.Tests.Untrusted;

/// <summary>
/// Module bytes from someone the host does not trust: every malformed module is a
/// <see cref="WasmModuleLoadException"/> in bounded time and memory, and WAMR's loader never
/// sees a count the bytes cannot hold.
/// </summary>
public sealed class UntrustedModuleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static TheoryData<string, byte[]> MalformedModules => new()
    {
        // A custom section whose size is -6 as a 32-bit LEB: the reader used to step back and
        // read the same bytes for ever.
        { "custom section of size -6", Module([0x00, 0xFA, 0xFF, 0xFF, 0xFF, 0x0F]) },
        // Counts of 2^32 - 1 in 15 bytes: WAMR allocates for them before it looks for the entries.
        { "data count 2^32-1", Module(Section(11, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "type count 2^32-1", Module(Section(1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "import count 2^32-1", Module(Section(2, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "function count 2^32-1", Module(Section(3, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "table count 2^32-1", Module(Section(4, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "memory count 2^32-1", Module(Section(5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "global count 2^32-1", Module(Section(6, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "export count 2^32-1", Module(Section(7, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "element count 2^32-1", Module(Section(9, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "code count 2^32-1", Module(Section(10, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        // An element segment's function list and a data segment's bytes, each 2^32 - 1 long.
        { "element segment of 2^32-1 functions", Module(Section(9, 0x01, 0x00, 0x41, 0x00, 0x0B, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        { "data segment of 2^32-1 bytes", Module(Section(11, 0x01, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        // A function body that declares 2^32 - 1 locals in eight bytes: WAMR allocates a byte each.
        {
            "2^32-1 locals",
            Module(
                Section(1, Vector(new byte[] { 0x60, 0x00, 0x00 })),
                Section(3, Vector(new byte[] { 0x00 })),
                Section(10, Vector(new byte[] { 0x08, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x0B })))
        },
        // A branch to label 2^32 - 1: WAMR checks `labels < depth + 1` in 32 bits and then reads
        // outside its control stack (a segfault the module fuzzer found).
        { "br to label 2^32-1", OneBody(0x00, 0x0C, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B) },
        { "br_if to label 1 of 1", OneBody(0x00, 0x41, 0x00, 0x0D, 0x01, 0x0B) },
        { "br_table to label 2^32-1", OneBody(0x00, 0x41, 0x00, 0x0E, 0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B) },
        { "br_table of 2^32-1 targets", OneBody(0x00, 0x41, 0x00, 0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00, 0x0B) },
        { "instructions after the final end", OneBody(0x00, 0x0B, 0x01, 0x0B) },
        { "a body without its final end", OneBody(0x00, 0x02, 0x40, 0x0B) },
        { "a SIMD instruction", OneBody(0x00, 0xFD, 0x0C, 0x0B) },
        // A table of 2^28 elements: WAMR allocates and zeroes a gigabyte for it per instance.
        { "table of 2^28 elements", Module(Section(4, 0x01, 0x70, 0x00, 0x80, 0x80, 0x80, 0x80, 0x01)) },
        { "imported table of 2^28 elements", Module(Section(2, [.. Vector([.. Name("env"), .. Name("t"), 0x01, 0x70, 0x00, 0x80, 0x80, 0x80, 0x80, 0x01])])) },
        // Sizes and lengths that overflowed an int: OverflowException escaped LoadModule.
        { "section size 2^31-1", Module([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x07]) },
        { "section size 2^32-1", Module([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) },
        { "import name of 2^32-1 bytes", Module(Section(2, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)) },
        // A memory whose limits run past the end of its section into the next one.
        { "memory limits past their section", Module(Section(5, 0x01, 0x01), Section(0, 0x00, 0x05)) },
        // A LEB128 of six bytes, and a 32-bit one with bits past the 32nd.
        { "six-byte LEB", Module(Section(1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)) },
        { "LEB past 32 bits", Module(Section(1, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)) },
        { "section shorter than its contents", Module(Section(7, 0x01, 0x01, 0x61)) },
        { "section longer than its contents", Module(Section(1, 0x00, 0x00)) },
        { "unknown section", Module(Section(42)) },
        { "a function body of size 0", Module(Section(10, 0x01, 0x00)) },
        { "a constant expression without end", Module(Section(6, 0x01, 0x7F, 0x00, 0x41, 0x00)) },
    };

    // A module with one function () -> () whose body (local declarations and instructions) is <paramref name="body"/>.
    private static byte[] OneBody(params byte[] body) => Module(
        Section(1, Vector(new byte[] { 0x60, 0x00, 0x00 })),
        Section(3, Vector(new byte[] { 0x00 })),
        Section(10, Vector([.. Leb((uint)body.Length), .. body])));

    [Fact]
    public void Branches_to_every_enclosing_label_still_load()
    {
        // block { loop { br 0; br 1; br 2 } }, and a br_table over all three.
        byte[] bytes = OneBody(0x00, 0x02, 0x40, 0x03, 0x40, 0x0C, 0x00, 0x0C, 0x01, 0x0C, 0x02, 0x41, 0x00, 0x0E, 0x02, 0x00, 0x01, 0x02, 0x0B, 0x0B, 0x0B);
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(bytes);
        Assert.Empty(module.Info.Exports);
    }

    [Theory]
    [MemberData(nameof(MalformedModules))]
    public void A_malformed_module_is_refused_before_wamr_sees_it(string shape, byte[] bytes)
    {
        using var engine = new WamrEngine();
        Exception? thrown = RunBounded(() => engine.LoadModule(bytes).Dispose());

        var e = Assert.IsType<WasmModuleLoadException>(thrown);
        // Our reader's message, not WAMR's: WAMR never read these bytes.
        Assert.StartsWith("The module is malformed: ", e.Message);
        Assert.False(string.IsNullOrWhiteSpace(shape));
    }

    [Theory]
    [MemberData(nameof(MalformedModules))]
    public void A_malformed_module_is_refused_under_a_memory_limit_too(string shape, byte[] bytes)
    {
        using var engine = new WamrEngine();
        Exception? thrown = RunBounded(() => engine.LoadModule(bytes, new ModuleOptions { MaxMemoryPages = 1 }).Dispose());

        Assert.IsType<WasmModuleLoadException>(thrown);
        Assert.False(string.IsNullOrWhiteSpace(shape));
    }

    [Fact]
    public void Inspect_throws_only_FormatException_on_mutated_guests()
    {
        // Every byte flipped, inserted or cut somewhere in a real guest: the reader either reads
        // the module or says why not; nothing else escapes (IndexOutOfRange and Overflow did).
        var random = new Random(12);
        byte[] original = CoreGuest.Bytes;
        int read = 0, refused = 0;
        for (int i = 0; i < 5_000; i++)
        {
            byte[] mutated = WitHost.Fuzz.Mutator.MutateBytes(original, random);
            try
            {
                WamrEngine.Inspect(mutated);
                read++;
            }
            catch (FormatException)
            {
                refused++;
            }
        }
        Assert.True(read > 0 && refused > 0, $"{read} read, {refused} refused");
    }

    [Fact]
    public void Modules_the_compilers_write_still_load()
    {
        using var engine = new WamrEngine();
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "guests"), "*.wasm"))
        {
            using var module = engine.LoadModule(path);
            Assert.NotEmpty(module.Info.Exports);
        }
    }

    [Fact]
    public void An_initialize_with_parameters_is_refused_and_the_instance_freed()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(OneFunction("_initialize", [0x7F], memoryPages: 2));

        var e = Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
        Assert.Contains("_initialize must take no parameters", e.Message);
    }

    [Fact]
    public void A_module_whose_failed_instances_were_freed_unloads()
    {
        using var engine = new WamrEngine();
        var module = engine.LoadModule(OneFunction("_initialize", [0x7F]));
        Assert.Throws<WasmInstantiationException>(() => module.Instantiate());
        module.Dispose();
        // Nothing holds the module: a later instantiation sees it disposed, not half alive.
        Assert.Throws<ObjectDisposedException>(() => module.Instantiate());
    }

    [Fact]
    public void A_wasi_argument_with_a_nul_is_refused_without_leaking()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        var options = new InstanceOptions { Wasi = new WasiOptions { Arguments = ["fine", "bad\0"] } };
        Assert.Throws<ArgumentException>(() => module.Instantiate(CoreGuest.DefaultImports(), options));
        // The module is not left counting an instance that never was.
        using var instance = module.Instantiate(CoreGuest.DefaultImports());
        Assert.Equal(3, instance.Invoke("add-i32", 1, 2)[0].AsInt32());
    }

    private static Exception? RunBounded(Action action)
    {
        var task = Task.Run(() =>
        {
            try
            {
                action();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });
        Assert.True(task.Wait(Bound), $"loading did not finish within {Bound.TotalSeconds} s");
        return task.Result;
    }
}
