using System.Text;
using WitHost.Bindings.Tests.CSharpFirst;

namespace WitHost.Bindings.Tests;

/// <summary>tests/guests/csharp-first.wasm, built against the WIT derived from C#-first interfaces.</summary>
public sealed class CSharpFirstGuest() : TestGuest("csharp-first");

/// <summary>
/// A host whose world is derived from C#-first interfaces (CSharpFirstContracts.cs) running the
/// C guest built against that derived WIT: the host implements the user's IJournal, and the
/// generated export class implements the user's IGeometry with the user's own types.
/// </summary>
public sealed class CSharpFirstBindingsTests : IClassFixture<CSharpFirstGuest>
{
    private readonly CSharpFirstGuest _guest;
    private readonly Journal _journal = new();

    public CSharpFirstBindingsTests(CSharpFirstGuest guest) => _guest = guest;

    private CSharpFirstHost.Guest Instantiate() => CSharpFirstHost.Instantiate(_guest.Module, new CSharpFirstHost.Imports { Journal = _journal });

    [Fact]
    public void The_committed_contract_is_the_derived_wit()
    {
        // The guest was built against wit/csharp-first.wit: it must not drift from the C# it stands for.
        var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "derived", "csharp-first.wit"));
        Assert.Equal(CSharpFirstHost.WitText, committed);
        Assert.Contains(IJournal.WitText.Substring(IJournal.WitText.IndexOf("interface", StringComparison.Ordinal)), committed, StringComparison.Ordinal);
        Assert.Contains(IGeometry.WitText.Substring(IGeometry.WitText.IndexOf("interface", StringComparison.Ordinal)), committed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_export_class_implements_the_users_interface()
    {
        using var guest = Instantiate();
        IGeometry geometry = guest.Geometry;
        Assert.Equal(42, geometry.Add(40, 2));
        Assert.Equal(int.MinValue, geometry.Add(int.MaxValue, 1));
    }

    [Fact]
    public void Records_lists_and_results()
    {
        using var guest = Instantiate();
        Assert.Equal(new Point(11, -18), guest.Geometry.Translate(new Point(1, 2), 10, -20));
        Assert.Equal(6_000_000_000L, guest.Geometry.Sum([2_000_000_000, 2_000_000_000, 2_000_000_000]));
        Assert.Equal(0L, guest.Geometry.Sum([]));
        Assert.Equal(Result<uint, string>.Ok(3), guest.Geometry.Divide(7, 2));
        Assert.Equal(Result<uint, string>.Err("division by zero"), guest.Geometry.Divide(7, 0));

        List<string> words = guest.Geometry.Split("grüße an alle");
        Assert.Equal(["grüße", "an", "alle"], words);
        Assert.Equal([""], guest.Geometry.Split(""));
    }

    [Fact]
    public void Options_flags_variants_chars_and_tuples()
    {
        using var guest = Instantiate();
        IReadOnlyList<string> items = new List<string> { "a", "b", "c", "b" };
        Assert.Equal(1u, guest.Geometry.IndexOf(items, "b"));
        Assert.Null(guest.Geometry.IndexOf(items, "z"));
        Assert.Null(guest.Geometry.IndexOf([], "z"));

        Assert.Equal(Axes.Y, guest.Geometry.Mirror(Axes.X));
        Assert.Equal(Axes.X | Axes.Y, guest.Geometry.Mirror(Axes.X | Axes.Y));
        Assert.Equal(Axes.None, guest.Geometry.Mirror(Axes.None));

        Assert.Equal(Math.PI * 4, guest.Geometry.Area(new Shape.Circle(2)), 12);
        Assert.Equal(6.0, guest.Geometry.Area(new Shape.Rectangle(new Size(2, 3))));
        Assert.Equal(0.0, guest.Geometry.Area(new Shape.Dot()));

        Assert.Equal(new Rune(0x1F30D), guest.Geometry.FirstChar("🌍 world"));
        Assert.Equal(new Rune('ü'), guest.Geometry.FirstChar("über"));
        Assert.Equal(new Rune(0), guest.Geometry.FirstChar(""));

        var (number, text) = guest.Geometry.Swap(("zoë", 7));
        Assert.Equal(7u, number);
        Assert.Equal("zoë", text);
    }

    [Fact]
    public void The_guest_calls_the_users_import_implementation()
    {
        using var guest = Instantiate();
        Assert.Equal(1UL, guest.Geometry.Record(Level.Warning, "disk almost full"));
        Assert.Equal(2UL, guest.Geometry.Record(Level.Debug, ""));
        Assert.Equal(
            [
                new Entry(Level.Warning, "disk almost full", ["guest"]),
                new Entry(Level.Debug, "", ["guest"]),
            ],
            _journal.Entries,
            EntryComparer.Instance);

        _journal.Values["name"] = "Zoë 🌍";
        Assert.Equal("Hello, Zoë 🌍!", guest.Geometry.Greet("name"));
        Assert.Equal("Hello, stranger!", guest.Geometry.Greet("nobody"));
        Assert.Equal(["name", "nobody"], _journal.Lookups);
    }

    /// <summary>The host's IJournal: records what the guest sends it.</summary>
    private sealed class Journal : IJournal
    {
        private ulong _next;

        public List<Entry> Entries { get; } = [];

        public Dictionary<string, string> Values { get; } = [];

        public List<string> Lookups { get; } = [];

        public void Write(Entry entry) => Entries.Add(entry);

        public ulong NextId() => ++_next;

        public string? Lookup(string key)
        {
            Lookups.Add(key);
            return Values.TryGetValue(key, out var value) ? value : null;
        }
    }

    // Entry's Tags is a list, which record equality compares by reference.
    private sealed class EntryComparer : IEqualityComparer<Entry>
    {
        public static EntryComparer Instance { get; } = new();

        public bool Equals(Entry? x, Entry? y)
            => x is not null && y is not null && x.Level == y.Level && x.Message == y.Message && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(Entry obj) => HashCode.Combine(obj.Level, obj.Message);
    }
}
