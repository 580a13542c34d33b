using WitHost.Wit;
using WitHost.Wit.Abi;

namespace WitHost.Abi.Tests;

/// <summary>
/// Stream and future types are told apart by structure, as the spec's built-ins compare them
/// (<c>e.shared.t != stream_t.t</c>): names given to types are not part of them, resources are.
/// </summary>
public sealed class StructuralTypeNameTests
{
    private const string Wit = """
        package a:b;

        interface types {
          record entry { name: string, size: u64 }
          type octet = u8;
          resource file;
        }

        interface others {
          resource file;
        }

        world w {
          use types.{entry, octet, file};
          use others.{file as other-file};
          type bytes = list<u8>;
          record same-entry { name: string, size: u64 }
          record renamed-field { label: string, size: u64 }
          enum color { red, green }
          enum colour { red, green }
          enum hue { red, blue }
          import f: func(
            a: stream<u8>, b: stream<octet>, c: stream<u32>,
            d: stream<list<u8>>, e: stream<list<u16>>, g: stream<bytes>,
            h: future<entry>, i: future<same-entry>, j: future<renamed-field>,
            k: stream, l: future, m: future<u8>,
            n: stream<color>, o: stream<colour>, p: stream<hue>,
            q: stream<file>, r: stream<other-file>, s: stream<own<file>>,
            t: stream<tuple<octet, option<bytes>>>, u: future<result<_, colour>>);
        }
        """;

    private static readonly IReadOnlyList<CoreChannelType> s_channels = Channels();

    private static IReadOnlyList<CoreChannelType> Channels()
    {
        var resolution = WitResolver.ResolveText(Wit, "structural.wit");
        Assert.False(resolution.HasErrors, string.Join("\n", resolution.Diagnostics));
        return CoreWorldContract.For(resolution.Root!.Worlds.Single()).Channels.OrderBy(channel => channel.Index).ToList();
    }

    // The parameter's channel: a is 0, b is 1… (no parameter holds more than one).
    private static CoreChannelType Of(char parameter) => s_channels[parameter - 'a' - (parameter > 'f' ? 1 : 0)];

    [Theory]
    [InlineData('a', 'b', true)]
    [InlineData('d', 'g', true)]
    [InlineData('h', 'i', true)]
    [InlineData('n', 'o', true)]
    [InlineData('q', 's', true)]
    [InlineData('a', 'c', false)]
    [InlineData('d', 'e', false)]
    [InlineData('h', 'j', false)]
    [InlineData('k', 'l', false)]
    [InlineData('a', 'm', false)]
    [InlineData('n', 'p', false)]
    [InlineData('q', 'r', false)]
    public void Types_are_the_same_when_their_structures_are_whatever_their_names(char first, char second, bool same)
    {
        Assert.Equal(same, Of(first).IsSameType(Of(second)));
        Assert.Equal(same, Of(first).StructuralName == Of(second).StructuralName);
    }

    [Theory]
    [InlineData('b', "stream<octet>", "stream<u8>")]
    [InlineData('g', "stream<bytes>", "stream<list<u8>>")]
    [InlineData('i', "future<same-entry>", "future<record { name: string, size: u64 }>")]
    [InlineData('k', "stream", "stream")]
    [InlineData('o', "stream<colour>", "stream<enum { red, green }>")]
    [InlineData('q', "stream<own<file>>", "stream<own<a:b/types.file>>")]
    [InlineData('t', "stream<tuple<octet, option<bytes>>>", "stream<tuple<u8, option<list<u8>>>>")]
    [InlineData('u', "future<result<_, colour>>", "future<result<_, enum { red, green }>>")]
    public void The_structural_name_spells_out_what_names_hide(char parameter, string name, string structural)
    {
        Assert.Equal(name, Of(parameter).TypeName);
        Assert.Equal(structural, Of(parameter).StructuralName);
    }
}
