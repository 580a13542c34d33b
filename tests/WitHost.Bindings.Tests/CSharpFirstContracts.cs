using System.Text;

namespace WitHost.Bindings.Tests.CSharpFirst;

// The C#-first contracts of tests/guests/csharp-first.c: the WIT is derived from these
// declarations (wit/csharp-first.wit is that derived text, committed as the guest's contract).

/// <summary>How serious a journal entry is.</summary>
internal enum Level
{
    Debug,
    Info,
    Warning,
    Error,
}

/// <summary>A journal entry (a WIT record of an enum, a string and a list).</summary>
internal sealed record Entry(Level Level, string Message, IReadOnlyList<string> Tags);

/// <summary>Implemented by the host: the guest writes entries and looks up names.</summary>
[WitHost("example:csharp-first/journal")]
internal partial interface IJournal
{
    /// <summary>Stores an entry.</summary>
    void Write(Entry entry);

    /// <summary>A fresh number.</summary>
    ulong NextId();

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    string? Lookup(string key);
}

/// <summary>A point (a record struct).</summary>
internal readonly record struct Point(int X, int Y);

/// <summary>A size (a record class).</summary>
internal sealed record Size(double Width, double Height);

/// <summary>Axes as WIT flags.</summary>
[Flags]
internal enum Axes
{
    None = 0,
    X = 1,
    Y = 2,
}

/// <summary>A WIT variant: the nested records are its cases.</summary>
[WitVariant]
internal abstract record Shape
{
    private Shape()
    {
    }

    /// <summary>A circle of radius <see cref="Value"/>.</summary>
    public sealed record Circle(double Value) : Shape;

    /// <summary>A rectangle.</summary>
    public sealed record Rectangle(Size Value) : Shape;

    /// <summary>A point without area.</summary>
    public sealed record Dot : Shape;
}

/// <summary>Implemented by the guest.</summary>
[WitHost("example:csharp-first/geometry")]
internal partial interface IGeometry
{
    /// <summary>a + b, wrapping.</summary>
    int Add(int a, int b);

    /// <summary>The point moved by (dx, dy).</summary>
    Point Translate(Point p, int dx, int dy);

    /// <summary>The sum, as a 64-bit number.</summary>
    long Sum(int[] values);

    /// <summary>a / b, or err("division by zero").</summary>
    Result<uint, string> Divide(uint a, uint b);

    /// <summary>The text split at single spaces.</summary>
    List<string> Split(string text);

    /// <summary>The index of the first item equal to <paramref name="needle"/>, or null.</summary>
    uint? IndexOf(IReadOnlyList<string> items, string needle);

    /// <summary>X becomes Y and Y becomes X.</summary>
    Axes Mirror(Axes axes);

    /// <summary>The area of the shape.</summary>
    double Area(Shape shape);

    /// <summary>The first Unicode scalar value of the text (U+0000 for an empty text).</summary>
    Rune FirstChar(string text);

    /// <summary>The pair the other way round.</summary>
    (uint Number, string Text) Swap((string, uint) pair);

    /// <summary>Writes an entry tagged "guest" to the journal and returns the journal's next id (a WIT keyword as a name: %record).</summary>
    ulong Record(Level level, string message);

    /// <summary>"Hello, &lt;the journal's value of key&gt;!", or "Hello, stranger!".</summary>
    string Greet(string key);
}

/// <summary>A host whose world is derived from the two C#-first interfaces alone.</summary>
[WitHost]
[WitImport(typeof(IJournal))]
[WitExport(typeof(IGeometry))]
internal partial class CSharpFirstHost;
