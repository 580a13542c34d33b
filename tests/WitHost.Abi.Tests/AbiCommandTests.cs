using System.Diagnostics;
using WitHost.Cli;
using WitHost.Wit;

namespace WitHost.Abi.Tests;

/// <summary>
/// <c>wit-host abi</c>: the report agrees with what the hand-written abi-call guest does (its core
/// signatures and return area), and the C header compiles with clang for wasm32, its
/// <c>_Static_assert</c>s holding the C layouts to the ABI model's sizes, alignments and offsets.
/// </summary>
public sealed class AbiCommandTests
{
    [Fact]
    public void The_report_gives_core_names_signatures_return_areas_and_layouts()
    {
        var (exitCode, output, error) = Run("abi", AbiCallGuest.WitPath, "--world", "abi-call");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n').Select(line => line.TrimEnd()).ToArray();

        // What tests/guests/abi-call.c implements by hand: shape flattens to (i32 i64 i32), and
        // the result<f64, string> goes to a 16-byte return area aligned 8.
        var area = Array.IndexOf(lines, "  test:abi-call/shapes#area");
        Assert.True(area >= 0, output);
        Assert.Equal("    wit  area: func(s: shapes.shape) -> result<f64, string>", lines[area + 1]);
        Assert.Equal("    core (param i32 i64 i32) (result i32)", lines[area + 2]);
        Assert.Equal("    result in memory (3 flat values > 1): the guest returns a pointer to its return area: result<f64, string>, 16 bytes, aligned 8", lines[area + 3]);
        Assert.Equal("      @0    discriminant (1 bytes): 0 ok, 1 error", lines[area + 4]);
        Assert.Equal("      @8    payload: ok f64, error string", lines[area + 5]);

        // host-name's string comes back through the guest's out-pointer (abi-call.c: host_name(string_t *out)).
        var hostName = Array.IndexOf(lines, "  $root host-name");
        Assert.Equal("    core (param i32) (result)", lines[hostName + 2]);
        Assert.StartsWith("    result in memory (2 flat values > 1): the guest passes a pointer to a return area as the last parameter", lines[hostName + 3]);

        // concat9 passes 18 flat values, so its parameters travel as a tuple in memory.
        var concat9 = Array.IndexOf(lines, "  concat9");
        Assert.Equal("    core (param i32) (result i32)", lines[concat9 + 2]);
        Assert.Equal("    params in memory (18 flat values > 16): the i32 points at a tuple of 72 bytes, aligned 4, allocated by the host with cabi_realloc", lines[concat9 + 3]);
        Assert.Equal("      @64   i: string", lines[concat9 + 12]);

        Assert.Contains("  shapes.item (record): size 28, align 4, flat (i32 i32 i32 i32 i32 i32 i32)", lines);
        Assert.Contains("    @16   origin: option<point> (12 bytes)", lines);
        Assert.Contains("  cabi_realloc", lines);
    }

    public static TheoryData<string, string> Worlds()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Under("wit"), "*.wit").Order(StringComparer.Ordinal))
        {
            var resolution = WitResolver.ResolvePath(file);
            if (resolution.HasErrors || resolution.Root is null)
            {
                continue;
            }

            foreach (var world in resolution.Root.Worlds)
            {
                data.Add(Path.GetFileName(file), world.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Worlds))]
    public void The_c_header_of_every_world_compiles_for_wasm32_and_its_layouts_hold(string witFile, string world)
    {
        var (exitCode, header, error) = Run("abi", RepositoryPaths.Under("wit/" + witFile), "--world", world, "--c-header", "-");
        Assert.True(exitCode == 0, error);

        var (clangExit, diagnostics) = CompileWithClang(header);

        Assert.True(clangExit == 0, diagnostics);
        Assert.Contains("_Static_assert(sizeof(", header);
    }

    [Fact]
    public void A_layout_the_model_does_not_give_stops_the_compiler()
    {
        var (_, header, _) = Run("abi", AbiCallGuest.WitPath, "--world", "abi-call", "--c-header", "-");
        // point is { s32, s32 }: widen y and the header's own checks must refuse it.
        var broken = header.Replace("typedef struct shapes_point_t {\n    int32_t x;\n    int32_t y;", "typedef struct shapes_point_t {\n    int32_t x;\n    int64_t y;");
        Assert.NotEqual(header, broken);

        var (clangExit, diagnostics) = CompileWithClang(broken);

        Assert.NotEqual(0, clangExit);
        Assert.Contains("shapes_point_t: 8 bytes, aligned 4", diagnostics);
    }

    [Fact]
    public void The_committed_test_guest_header_is_what_the_command_writes()
    {
        var (exitCode, header, error) = Run("abi", RepositoryPaths.Under("wit/abi-header.wit"), "--c-header", "-");

        Assert.True(exitCode == 0, error);
        Assert.Equal(header, File.ReadAllText(RepositoryPaths.Under("tests/guests/abi-header.h")).Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_header_is_written_to_the_named_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "withost-abi-" + Guid.NewGuid().ToString("N") + ".h");
        try
        {
            var (exitCode, output, error) = Run("abi", AbiCallGuest.WitPath, "--c-header", path);

            Assert.True(exitCode == 0, error);
            Assert.Equal($"wrote {path}\n", output);
            Assert.StartsWith("// The Canonical ABI of world abi-call", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int ExitCode, string Diagnostics) CompileWithClang(string header)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "withost-abi-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "world.h"), header);
            File.WriteAllText(Path.Combine(directory, "use.c"), "#include \"world.h\"\n");
            var start = new ProcessStartInfo("clang-14")
            {
                ArgumentList = { "--target=wasm32-wasi", "--sysroot=/usr", "-fsyntax-only", "-std=c11", "-Wall", "-Wextra", "-Werror", Path.Combine(directory, "use.c") },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var clang = Process.Start(start)!;
            var diagnostics = clang.StandardError.ReadToEnd() + clang.StandardOutput.ReadToEnd();
            clang.WaitForExit();
            return (clang.ExitCode, diagnostics);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = WitHostCli.Run(args, output, error);
        return (exitCode, output.ToString().Replace("\r\n", "\n"), error.ToString());
    }
}
