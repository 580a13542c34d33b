namespace WitHost.Wamr.Values;

/// <summary>The words WAVE reserves; a case or label spelled like one is written with a <c>%</c> prefix.</summary>
internal static class WaveKeywords
{
    public static bool IsKeyword(string word) => word is "true" or "false" or "inf" or "nan" or "some" or "none" or "ok" or "err";
}
