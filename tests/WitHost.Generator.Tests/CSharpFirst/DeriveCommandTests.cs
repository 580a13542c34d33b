using Microsoft.CodeAnalysis;
using WitHost.Cli;
using WitHost.Generator.Tests.TestSupport;

namespace WitHost.Generator.Tests.CSharpFirst;

/// <summary><c>wit-host derive</c> writes the WIT of a built assembly's C#-first interfaces, read from its metadata.</summary>
public sealed class DeriveCommandTests
{
    [Fact]
    public void WritesOneWitFilePerInterfaceEqualToTheWitTextConstantsAndTheHostsWorld()
    {
        var run = WitCase.Run("csharp-first");
        Assert.Empty(run.CompilationProblems);
        var directory = Directory.CreateTempSubdirectory("withost-derive").FullName;
        try
        {
            var assembly = Path.Combine(directory, "Shapes.dll");
            var emitted = run.Output.Emit(assembly);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

            var outDirectory = Path.Combine(directory, "wit");
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, WitHostCli.Run(["derive", assembly, "--out", outDirectory], output, error));

            Assert.Equal(
                ["example-shapes-geometry@0.1.0.wit", "example-shapes-logging.wit", "example-shapes-shapes-host.wit"],
                Directory.EnumerateFiles(outDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(
                "package example:shapes;\n\nworld shapes-host {\n  import logging;\n  export example:shapes/geometry@0.1.0;\n}\n",
                File.ReadAllText(Path.Combine(outDirectory, "example-shapes-shapes-host.wit")));
            Assert.Equal(CSharpFirstDerivationTests.WitText(run, "Example.Shapes.ILogging"), File.ReadAllText(Path.Combine(outDirectory, "example-shapes-logging.wit")));
            Assert.Equal(CSharpFirstDerivationTests.WitText(run, "Example.Shapes.IGeometry"), File.ReadAllText(Path.Combine(outDirectory, "example-shapes-geometry@0.1.0.wit")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AnAssemblyWithoutCSharpFirstInterfacesIsAnError()
    {
        var run = GeneratorHarness.Run("/project/Plain.cs", "namespace Plain; internal sealed class Nothing { }\n", Array.Empty<AdditionalText>());
        var directory = Directory.CreateTempSubdirectory("withost-derive").FullName;
        try
        {
            var assembly = Path.Combine(directory, "Plain.dll");
            Assert.True(run.Output.Emit(assembly).Success);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(1, WitHostCli.Run(["derive", assembly], output, error));
            Assert.Contains("declares no C#-first interface", error.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
