using System.Diagnostics;
using System.Text;
using WitHost.Wit.Diagnostics;
using WitHost.Wit.Tests.TestSupport;

namespace WitHost.Wit.Tests;

/// <summary>
/// Hostile WIT shapes: chains thousands of levels deep and types astronomically large. Each is a
/// located diagnostic (or, where the shape is fine, generated C#) and never a dead process. They
/// run in a child process, <c>wit-host generate</c> with a 1 MiB stack, so a regression shows up as
/// a failed test (the child's "Stack overflow.") instead of killing the test host.
/// </summary>
public sealed class DeepWitTests
{
    private const int ChildStackKiB = 1024;

    private static string Lines(int count, Func<int, string> line)
        => string.Concat(Enumerable.Range(0, count).Select(k => line(k) + "\n"));

    private static (int ExitCode, string Output) Generate(string text, string world)
    {
        using var directory = new TempDirectory();
        var wit = Path.Combine(directory.Path, "deep.wit");
        File.WriteAllText(wit, text);
        var cli = Path.Combine(AppContext.BaseDirectory, "wit-host.dll");
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"ulimit -s {ChildStackKiB} && exec dotnet \"$0\" generate \"$1\" --world \"$2\" --out \"$3\"");
        start.ArgumentList.Add(cli);
        start.ArgumentList.Add(wit);
        start.ArgumentList.Add(world);
        start.ArgumentList.Add(Path.Combine(directory.Path, "out"));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("wit-host generate did not finish in 300 s");
        }

        var output = stdout.Result + stderr.Result;
        Assert.DoesNotContain("Stack overflow", output);
        Assert.DoesNotContain("OutOfMemoryException", output);
        return (process.ExitCode, output);
    }

    /// <summary>Asserts the first error is <paramref name="code"/> at (<paramref name="line"/>,<paramref name="column"/>) and returns it.</summary>
    private static string AssertFirstError(string text, string world, string code, int line, int column)
    {
        var (exitCode, output) = Generate(text, world);
        Assert.Equal(1, exitCode);
        var first = output.Split('\n').First(l => l.Contains(": error WIT", StringComparison.Ordinal));
        Assert.Contains($"deep.wit({line},{column}): error {code}:", first);
        return first;
    }

    [Fact]
    public void A_3000_type_alias_chain_is_too_deep_at_the_first_type_past_the_limit()
    {
        var text = "package a:b;\ninterface i {\n  type t0 = u32;\n" + Lines(2999, k => $"  type t{k + 1} = t{k};") + "  f: func(x: t2999);\n}\nworld w { import i; }\n";
        // t0 is 2 levels (the alias and u32); t127 is 129.
        var error = AssertFirstError(text, "w", DiagnosticCodes.TypeNestingTooDeep, 130, 8);
        Assert.Contains("type `t127` is nested too deeply: 129 levels", error);
    }

    [Fact]
    public void A_10k_record_chain_is_too_deep_whichever_way_it_is_declared()
    {
        var forward = "package a:b;\ninterface i {\n  record r0 { a: u32 }\n" + Lines(9999, k => $"  record r{k + 1} {{ a: r{k} }}") + "  f: func(x: r9999);\n}\nworld w { import i; }\n";
        Assert.Contains("type `r127`", AssertFirstError(forward, "w", DiagnosticCodes.TypeNestingTooDeep, 130, 10));

        // Declared outermost first: types are still resolved innermost first, and only the first past
        // the limit is reported (the types built on it are rejected without a diagnostic each).
        var backward = "package a:b;\ninterface i {\n  f: func(x: r9999);\n" + Lines(9999, k => $"  record r{9999 - k} {{ a: r{9998 - k} }}") + "  record r0 { a: u32 }\n}\nworld w { import i; }\n";
        var (exitCode, output) = Generate(backward, "w");
        Assert.Equal(1, exitCode);
        var error = Assert.Single(output.Split('\n'), line => line.Contains(": error WIT", StringComparison.Ordinal));
        Assert.Contains("deep.wit(9876,10): error WIT0103: type `r127` is nested too deeply", error);
    }

    [Fact]
    public void A_scope_with_a_type_cycle_still_stops_a_long_chain()
    {
        // A cycle makes the resolver keep declaration order, resolving each record inside the one
        // that names it: the chain is cut where it passes the limit.
        var text = "package a:b;\ninterface i {\n  type a = b;\n  type b = a;\n  f: func(x: r9999);\n" + Lines(9999, k => $"  record r{9999 - k} {{ a: r{9998 - k} }}") + "  record r0 { a: u32 }\n}\nworld w { import i; }\n";
        var (exitCode, output) = Generate(text, "w");
        Assert.Equal(1, exitCode);
        Assert.Contains(": error WIT0312:", output);
        Assert.Contains(": error WIT0103: type `r9871` is nested too deeply: it is reached through more than 128 levels of named types", output);
    }

    [Fact]
    public void Option_and_result_chains_are_too_deep_or_too_large()
    {
        var options = "package a:b;\ninterface i {\n  type t0 = u32;\n" + Lines(9999, k => $"  type t{k + 1} = option<t{k}>;") + "  f: func(x: t9999);\n}\nworld w { import i; }\n";
        // Each link is two levels, the alias and the option: t64 is 130.
        Assert.Contains("type `t64`", AssertFirstError(options, "w", DiagnosticCodes.TypeNestingTooDeep, 67, 8));

        // result<t, t> doubles at every link: t18 is the first past 1,000,000.
        var results = "package a:b;\ninterface i {\n  type t0 = u32;\n" + Lines(9999, k => $"  type t{k + 1} = result<t{k}, t{k}>;") + "  f: func(x: t9999);\n}\nworld w { import i; }\n";
        Assert.Contains("type `t18` is too large", AssertFirstError(results, "w", DiagnosticCodes.TypeTooLarge, 21, 8));
    }

    [Fact]
    public void A_10k_deep_type_expression_is_stopped_by_the_parser()
    {
        var text = "package a:b;\ninterface i {\n  f: func(x: " + string.Concat(Enumerable.Repeat("list<", 10_000)) + "u8" + new string('>', 10_000) + ");\n}\n";
        AssertFirstError(text, "w", DiagnosticCodes.TypeNestingTooDeep, 3, 14 + 5 * 100);
    }

    [Fact]
    public void A_fixed_length_list_of_half_a_billion_elements_is_too_large()
    {
        var text = "package a:b;\ninterface i {\n  f: func(x: list<u64, 536870912>);\n}\nworld w { import i; }\n";
        var error = AssertFirstError(text, "w", DiagnosticCodes.TypeTooLarge, 3, 14);
        Assert.Contains("536,870,913", error);
    }

    [Fact]
    public void A_function_whose_parameters_together_are_too_large_is_reported_at_its_name()
    {
        var text = "package a:b;\ninterface i {\n  type big = list<u64, 900000>;\n  f: func(" + string.Join(", ", Enumerable.Range(0, 200).Select(k => $"p{k}: big")) + ");\n}\nworld w { import i; }\n";
        Assert.Contains("function `f` is too large", AssertFirstError(text, "w", DiagnosticCodes.TypeTooLarge, 4, 3));
    }

    [Fact]
    public void Long_chains_of_interfaces_worlds_and_packages_resolve_and_generate()
    {
        // Each interface uses the previous one's type: a 10k-long `use` chain the world imports (or
        // exports) whole; declared last-first, ordering walks it too.
        var uses = Lines(9999, k => $"interface i{9999 - k} {{ use i{9998 - k}.{{t{9998 - k}}}; type t{9999 - k} = u32; }}") + "interface i0 { type t0 = u32; }\n";
        Assert.Equal(0, Generate("package a:b;\n" + uses + "world w { import i9999; }\n", "w").ExitCode);
        Assert.Equal(0, Generate("package a:b;\n" + uses + "world w { export i9999; }\n", "w").ExitCode);

        var includes = Lines(9999, k => $"world w{9999 - k} {{ include w{9998 - k}; }}") + "interface i { f: func(); }\nworld w0 { import i; }\n";
        Assert.Equal(0, Generate("package a:b;\n" + includes, "w9999").ExitCode);

        var packages = Lines(2999, k => $"package a:p{2999 - k} {{ interface i {{ use a:p{2998 - k}/i.{{t{2998 - k}}}; type t{2999 - k} = u32; }} }}") + "package a:p0 { interface i { type t0 = u32; } }\n";
        Assert.Equal(0, Generate("package a:root;\nworld w { import a:p2999/i; }\n" + packages, "w").ExitCode);
    }

    [Fact]
    public void The_depth_limit_counts_every_level_through_names()
    {
        // t0 = list<u8> is 3 levels and each alias adds one: t125 is 128 levels (the limit), t126 is 129.
        var chain = "package a:b;\ninterface i {\n  type t0 = list<u8>;\n" + Lines(125, k => $"  type t{k + 1} = t{k};");
        var atLimit = WitResolver.ResolveText(chain + "  f: func(x: t125);\n}\n", WitText.FileName);
        Assert.Empty(atLimit.Diagnostics);

        var pastLimit = WitResolver.ResolveText(chain + "  type t126 = t125;\n}\n", WitText.FileName);
        var error = Assert.Single(pastLimit.Diagnostics);
        Assert.Equal(DiagnosticCodes.TypeNestingTooDeep, error.Code);
        Assert.Contains("type `t126` is nested too deeply: 129 levels", error.Message);

        // A function's parameter is one more level than its type.
        var parameter = WitResolver.ResolveText(chain + "  f: func(x: list<t125>);\n}\n", WitText.FileName);
        Assert.Equal(DiagnosticCodes.TypeNestingTooDeep, Assert.Single(parameter.Diagnostics).Code);
    }

    [Fact]
    public void The_size_limit_is_one_million()
    {
        // type t = list<u8, n> is 1 (the alias) + 1 (the list) + n: the largest allowed has n = 999,998.
        Assert.Empty(WitResolver.ResolveText("package a:b;\ninterface i {\n  type t = list<u8, 999998>;\n}\n", WitText.FileName).Diagnostics);
        var error = Assert.Single(WitResolver.ResolveText("package a:b;\ninterface i {\n  type t = list<u8, 999999>;\n}\n", WitText.FileName).Diagnostics);
        Assert.Equal(DiagnosticCodes.TypeTooLarge, error.Code);
    }
}
