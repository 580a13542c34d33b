using WitHost.Samples.HelloWorld;
using WitHost.Wit;
using WitHost.Wit.Model;

namespace WitHost.Samples.Tests;

/// <summary>samples/HelloWorld: the generated host of the sample world calls every export and prints it.</summary>
public sealed class HelloWorldSampleTests
{
    private static readonly Lazy<string[]> s_lines = new(() => SampleOutput.Lines(SampleTour.Run));

    private static string[] Lines => s_lines.Value;

    [Fact]
    public void Prints_each_call_with_its_result_as_WIT_values()
    {
        // .ci/run greps the first of these in the NativeAOT build's output.
        Assert.Contains("strings.reverse(\"Hello, 世界 🌍\") = \"🌍 界世 ,olleH\"", Lines);
        Assert.Contains("booleans.and(true, false) = false", Lines);
        Assert.Contains("floats.add-f64(0.1, 0.2) = 0.30000000000000004", Lines);
        Assert.Contains("floats.div-f64(1, 0) = inf", Lines);
        Assert.Contains("integers.add-s8(127, 1) = -128", Lines);
        Assert.Contains("integers.add-u64(18446744073709551615, 2) = 1", Lines);
        Assert.Contains("strings.concat17(\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\", \"k\", \"l\", \"m\", \"n\", \"o\", \"p\", \"q\") = \"abcdefghijklmnopq\"", Lines);
        Assert.Contains("tuples.split-at(\"Hello, 世界\", 7) = (\"Hello, \", \"世界\")", Lines);
        Assert.Contains("lists.circles([circle(1), rectangle((2, 3.5)), dot, circle(0.5)]) = [circle(1), circle(0.5)]", Lines);
        Assert.Contains("lists.words(\"the quick brown fox\") = [\"the\", \"quick\", \"brown\", \"fox\"]", Lines);
        Assert.Contains("enums.next(blue) = red", Lines);
        Assert.Contains("variants.twice(text(\"ab🌍\")) = text(\"ab🌍ab🌍\")", Lines);
        Assert.Contains("options.wrap(none) = some(none)", Lines);
        Assert.Contains("options.greet(some(\"世界\")) = some(\"Hello, 世界!\")", Lines);
        Assert.Contains("results.parse-u32(\"4x\") = err(\"bad number: 4x\")", Lines);
        Assert.Contains("results.check-add(4294967295, 1) = err(overflow)", Lines);
        Assert.Contains("ok-func(4294967295, 1) = err(\"overflow\")", Lines);
        Assert.Contains("greet-host() = \"Hello, WitHost!\"", Lines);
    }

    [Fact]
    public void What_the_guest_logs_or_asks_is_printed_under_the_call()
    {
        Assert.Equal("    guest log: void-func called", SampleOutput.After(Lines, "void-func()"));
        Assert.Equal("    guest log: len: 11", SampleOutput.After(Lines, "strings.len(\"Hello, 世界 🌍\") = 11"));
        Assert.Equal("    guest log: seven", SampleOutput.After(Lines, "tuples.swap((7, \"seven\")) = (\"seven\", 7)"));
        Assert.Equal("    guest log: div: 1", SampleOutput.After(Lines, "results.div(1, 0) = err(divide-by-zero)"));
        Assert.Equal("    guest log: ok-func: 42", SampleOutput.After(Lines, "ok-func(40, 2) = ok(42)"));
        Assert.Equal("    guest asked host-name() = \"WitHost\"", SampleOutput.After(Lines, "greet-host() = \"Hello, WitHost!\""));
        // A call that logs nothing has no note under it.
        Assert.StartsWith("booleans.", SampleOutput.After(Lines, "booleans.and(true, false) = false"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_export_of_the_world_is_called()
    {
        WitResolution resolution = WitResolver.ResolvePath(JcoOracle.InRepo("wit", "sample.wit"));
        Assert.False(resolution.HasErrors);
        WitWorld world = resolution.Root!.FindWorld("sample")!;
        var calls = new List<string>();
        foreach (WitWorldItem item in world.Exports)
        {
            switch (item)
            {
                case WitWorldInterfaceItem exported:
                    calls.AddRange(exported.Interface.Functions.Select(function => $"{exported.Interface.Name}.{function.Name}("));
                    break;
                case WitWorldFunctionItem function:
                    calls.Add($"{function.Name}(");
                    break;
            }
        }

        Assert.Equal(40, calls.Count);
        Assert.All(calls, call => Assert.Contains(Lines, line => line.StartsWith(call, StringComparison.Ordinal)));
    }
}
