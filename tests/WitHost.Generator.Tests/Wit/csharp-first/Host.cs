using System.Collections.Generic;
using System.Text;
using WitHost;

namespace Example.Shapes;

/// <summary>A C#-first import and export: the host logs, the guest does geometry.</summary>
[WitHost]
[WitImport(typeof(ILogging))]
[WitExport(typeof(IGeometry))]
internal partial class ShapesHost;

internal enum Level
{
    Debug,
    Info,
    Warning,
}

[System.Flags]
internal enum Axes
{
    None = 0,
    X = 1,
    Y = 2,
}

internal sealed record Entry(Level Level, string Message, IReadOnlyList<string> Tags);

internal readonly record struct Point(int X, int Y);

internal sealed record Size(double Width, double Height);

[WitVariant]
internal abstract record Shape
{
    private Shape()
    {
    }

    public sealed record Circle(double Value) : Shape;

    public sealed record Rectangle(Size Value) : Shape;

    public sealed record Dot : Shape;
}

[WitHost("example:shapes/logging")]
internal partial interface ILogging
{
    void Write(Entry entry);

    ulong NextId();

    string? Lookup(string key);
}

[WitHost("example:shapes/geometry@0.1.0")]
internal partial interface IGeometry
{
    int Add(int a, int b);

    Point Translate(Point p, int dx, int dy);

    long Sum(int[] values);

    Result<uint, string> Divide(uint a, uint b);

    List<string> Split(string text);

    uint? IndexOf(IReadOnlyList<string> items, string needle);

    Axes Mirror(Axes axes);

    double Area(Shape shape);

    Rune FirstChar(string text);

    (uint Number, string Text) Swap((string, uint) pair);

    byte[] Bytes(Level? level);
}
