namespace WitHost.Fuzz;

/// <summary>
/// What one campaign found: how many cases it tried, how each ended, and the first few cases that
/// ended outside the documented set (with the seed that reproduces each).
/// </summary>
public sealed class FuzzReport
{
    private const int KeptFindings = 20;

    public FuzzReport(string target) => Target = target;

    public string Target { get; }

    public long Tried { get; private set; }

    /// <summary>Child processes that died (a native crash, or the runtime aborting) while loading a case.</summary>
    public long Crashes { get; private set; }

    /// <summary>Cases that did not finish within the campaign's time limit.</summary>
    public long Hangs { get; private set; }

    /// <summary>Exceptions outside the documented set, and wrong results.</summary>
    public long Unexpected { get; private set; }

    /// <summary>How the other cases ended (for example "trap", "lifted", "refused"), for the figures.</summary>
    public SortedDictionary<string, long> Outcomes { get; } = new(StringComparer.Ordinal);

    public List<string> Findings { get; } = [];

    public void Expected(string outcome)
    {
        Tried++;
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
    }

    public void Crash(string finding)
    {
        Tried++;
        Crashes++;
        Keep("crash: " + finding);
    }

    public void Hang(string finding)
    {
        Tried++;
        Hangs++;
        Keep("hang: " + finding);
    }

    public void Surprise(string finding)
    {
        Tried++;
        Unexpected++;
        Keep("unexpected: " + finding);
    }

    public bool Clean => Crashes == 0 && Hangs == 0 && Unexpected == 0;

    public override string ToString()
    {
        var outcomes = string.Join(", ", Outcomes.Select(o => $"{o.Key} {o.Value}"));
        var text = $"{Target}: {Tried} cases, {Crashes} crashes, {Hangs} hangs, {Unexpected} unexpected ({outcomes})";
        return Findings.Count == 0 ? text : text + Environment.NewLine + string.Join(Environment.NewLine, Findings.Select(f => "  " + f));
    }

    private void Keep(string finding)
    {
        if (Findings.Count < KeptFindings)
        {
            Findings.Add(finding);
        }
    }
}
