namespace WitHost.Samples.Tests;

/// <summary>Runs a sample's host into a string and splits what it printed into lines.</summary>
internal static class SampleOutput
{
    public static string[] Lines(Action<TextWriter> run)
    {
        using var output = new StringWriter { NewLine = "\n" };
        run(output);
        return output.ToString().Split('\n');
    }

    /// <summary>The line after <paramref name="line"/>, which must occur exactly once.</summary>
    public static string After(string[] lines, string line)
    {
        int index = Array.IndexOf(lines, line);
        Assert.True(index >= 0, $"no line \"{line}\" in:\n{string.Join('\n', lines)}");
        Assert.Equal(index, Array.LastIndexOf(lines, line));
        return lines[index + 1];
    }
}
