using Example.Sample.Enums;
using Example.Sample.Lists;
using Example.Sample.Results;
using Example.Sample.Variants;
using WitHost.Wamr;

namespace WitHost.Samples.HelloWorld;

/// <summary>
/// Loads guest/sample.wasm, instantiates it through the generated <see cref="SampleHost"/> and
/// calls every export of the sample world, one printed line per call:
/// <c>strings.reverse("Hello, 世界 🌍") = "🌍 界世 ,olleH"</c>. What the guest logs or asks the
/// host during a call is printed, indented, below it.
/// </summary>
public static class SampleTour
{
    /// <summary>Where the sample's build puts the guest: guest/sample.wasm beside the program.</summary>
    public static string GuestPath { get; } = Path.Combine(AppContext.BaseDirectory, "guest", "sample.wasm");

    public static void Run(TextWriter output)
    {
        var host = new SampleImports(hostName: "WitHost");

        // One engine per process; the module is compiled once and may be instantiated many times.
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(GuestPath);
        using var guest = SampleHost.Instantiate(module, new SampleHost.Imports { Logging = host, Sample = host });
        output.WriteLine($"Instantiated {Path.GetFileName(GuestPath)} as world {SampleHost.WitWorldName}");

        void Print(string call, string result)
        {
            output.WriteLine(result.Length == 0 ? call : $"{call} = {result}");
            foreach (string note in host.TakeNotes())
            {
                output.WriteLine($"    {note}");
            }
        }

        output.WriteLine();
        output.WriteLine("# void functions and booleans");
        guest.VoidFunc();
        Print("void-func()", "");
        Print("booleans.and(true, false)", WitText.Of(guest.Booleans.And(true, false)));
        Print("booleans.or(true, false)", WitText.Of(guest.Booleans.Or(true, false)));
        Print("booleans.xor(true, true)", WitText.Of(guest.Booleans.Xor(true, true)));
        Print("booleans.not(false)", WitText.Of(guest.Booleans.Not(false)));

        output.WriteLine();
        output.WriteLine("# floats and integers (integers wrap around at their width)");
        Print("floats.add-f32(1.5, 2.25)", WitText.Of(guest.Floats.AddF32(1.5f, 2.25f)));
        Print("floats.mul-f32(-2.5, 4)", WitText.Of(guest.Floats.MulF32(-2.5f, 4)));
        Print("floats.add-f64(0.1, 0.2)", WitText.Of(guest.Floats.AddF64(0.1, 0.2)));
        Print("floats.div-f64(1, 0)", WitText.Of(guest.Floats.DivF64(1, 0)));
        Print("integers.add-u8(255, 2)", WitText.Of(guest.Integers.AddU8(255, 2)));
        Print("integers.add-s8(127, 1)", WitText.Of(guest.Integers.AddS8(127, 1)));
        Print("integers.add-u16(65535, 1)", WitText.Of(guest.Integers.AddU16(65535, 1)));
        Print("integers.sub-s16(-32768, 1)", WitText.Of(guest.Integers.SubS16(-32768, 1)));
        Print("integers.mul-u32(65536, 65537)", WitText.Of(guest.Integers.MulU32(65536, 65537)));
        Print("integers.add-s32(2147483647, 1)", WitText.Of(guest.Integers.AddS32(int.MaxValue, 1)));
        Print("integers.add-u64(18446744073709551615, 2)", WitText.Of(guest.Integers.AddU64(ulong.MaxValue, 2)));
        Print("integers.neg-s64(5)", WitText.Of(guest.Integers.NegS64(5)));

        output.WriteLine();
        output.WriteLine("# strings (UTF-8 in the guest, Unicode scalar values, not bytes)");
        const string hello = "Hello, 世界 🌍";
        Print($"strings.reverse({WitText.Of(hello)})", WitText.Of(guest.Strings.Reverse(hello)));
        Print("strings.to-upper(\"Hello, wörld!\")", WitText.Of(guest.Strings.ToUpper("Hello, wörld!")));
        Print($"strings.len({WitText.Of(hello)})", WitText.Of(guest.Strings.Len(hello)));
        // Seventeen strings are 34 flat values, over the limit of 16: they go as one tuple in memory.
        string[] letters = [.. "abcdefghijklmnopq".Select(c => c.ToString())];
        Print(
            $"strings.concat17({string.Join(", ", letters.Select(WitText.Of))})",
            WitText.Of(guest.Strings.Concat17(letters[0], letters[1], letters[2], letters[3], letters[4], letters[5], letters[6], letters[7], letters[8], letters[9], letters[10], letters[11], letters[12], letters[13], letters[14], letters[15], letters[16])));

        output.WriteLine();
        output.WriteLine("# tuples and lists of variants");
        (string text, uint number) swapped = guest.Tuples.Swap((7, "seven"));
        Print("tuples.swap((7, \"seven\"))", $"({WitText.Of(swapped.text)}, {WitText.Of(swapped.number)})");
        (string head, string tail) = guest.Tuples.SplitAt("Hello, 世界", 7);
        Print("tuples.split-at(\"Hello, 世界\", 7)", $"({WitText.Of(head)}, {WitText.Of(tail)})");
        Shape[] shapes = [new Shape.Circle(1), new Shape.Rectangle((2, 3.5)), new Shape.Dot(), new Shape.Circle(0.5)];
        string shapesText = WitText.List(shapes, ShapeText);
        Print($"lists.areas({shapesText})", WitText.List(guest.Lists.Areas(shapes), WitText.Of));
        Print($"lists.circles({shapesText})", WitText.List(guest.Lists.Circles(shapes), ShapeText));
        Print("lists.sum([1, 2, 4294967295])", WitText.Of(guest.Lists.Sum([1, 2, uint.MaxValue])));
        Print("lists.words(\"the quick brown fox\")", WitText.List(guest.Lists.Words("the quick brown fox"), WitText.Of));

        output.WriteLine();
        output.WriteLine("# enums and variants");
        Print("enums.next(blue)", WitText.Of(guest.Enums.Next(Color.Blue)));
        Print("enums.name(green)", WitText.Of(guest.Enums.Name(Color.Green)));
        foreach (Number number in new Number[] { new Number.Int(-21), new Number.Float(2.5), new Number.Text("ab🌍"), new Number.Nothing() })
        {
            Print($"variants.describe({NumberText(number)})", WitText.Of(guest.Variants.Describe(number)));
            Print($"variants.twice({NumberText(number)})", NumberText(guest.Variants.Twice(number)));
        }

        output.WriteLine();
        output.WriteLine("# options and results");
        Print("options.increment(some(41))", WitText.Option(guest.Options.Increment(41), WitText.Of));
        Print("options.increment(none)", WitText.Option(guest.Options.Increment(null), WitText.Of));
        Print("options.greet(some(\"世界\"))", WitText.Option(guest.Options.Greet("世界")));
        Print("options.greet(none)", WitText.Option(guest.Options.Greet(null)));
        Print("options.flatten(some(some(7)))", WitText.Option(guest.Options.Flatten(Option<uint?>.Some(7)), WitText.Of));
        Print("options.flatten(some(none))", WitText.Option(guest.Options.Flatten(Option<uint?>.Some(null)), WitText.Of));
        Print("options.wrap(none)", WitText.Option(guest.Options.Wrap(null), inner => WitText.Option(inner, WitText.Of)));
        Print("results.parse-u32(\"42\")", WitText.Result(guest.Results.ParseU32("42"), WitText.Of, WitText.Of));
        Print("results.parse-u32(\"4x\")", WitText.Result(guest.Results.ParseU32("4x"), WitText.Of, WitText.Of));
        Print("results.div(7, 2)", WitText.Result(guest.Results.Div(7, 2), WitText.Of, WitText.Of));
        Print("results.div(1, 0)", WitText.Result(guest.Results.Div(1, 0), WitText.Of, WitText.Of));
        Print("results.check-add(1, 2)", WitText.Result(guest.Results.CheckAdd(1, 2), WitText.Of));
        Print("results.check-add(4294967295, 1)", WitText.Result(guest.Results.CheckAdd(uint.MaxValue, 1), WitText.Of));

        output.WriteLine();
        output.WriteLine("# functions of the world itself");
        Print("ok-func(40, 2)", WitText.Result(guest.OkFunc(40, 2), WitText.Of, WitText.Of));
        Print("ok-func(4294967295, 1)", WitText.Result(guest.OkFunc(uint.MaxValue, 1), WitText.Of, WitText.Of));
        Print("greet-host()", WitText.Of(guest.GreetHost()));
    }

    private static string ShapeText(Shape shape) => shape.Match(
        circle => $"circle({WitText.Of(circle.Value)})",
        rectangle => $"rectangle(({WitText.Of(rectangle.Value.Item1)}, {WitText.Of(rectangle.Value.Item2)}))",
        dot => "dot");

    private static string NumberText(Number number) => number.Match(
        @int => $"int({WitText.Of(@int.Value)})",
        @float => $"float({WitText.Of(@float.Value)})",
        text => $"text({WitText.Of(text.Value)})",
        nothing => "nothing");
}
