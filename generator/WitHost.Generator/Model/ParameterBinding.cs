namespace WitHost.Generator.Model;

/// <summary>A method parameter.</summary>
/// <param name="Name">The C# parameter name (camelCase, <c>@</c>-escaped when a keyword).</param>
/// <param name="Type">The C# type, fully qualified.</param>
internal sealed record ParameterBinding(string Name, string Type);
