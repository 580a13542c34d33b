namespace WitHost.Generator.CSharpFirst;

/// <summary>A C# type read as WIT: the WIT type expression and the C# shape the generated calls use.</summary>
/// <param name="Wit">The WIT type as written in WIT text (<c>list&lt;point&gt;</c>).</param>
/// <param name="Shape">The C# type it came from.</param>
internal sealed record WitTypeText(string Wit, CSharpTypeShape Shape);
