namespace WitHost.Wamr.Tests;

/// <summary>What a guest's stdio does to the host process's own streams, watched from outside the process.</summary>
public sealed class StdioChildProcessTests
{
    [Fact]
    public void Without_wasi_options_nothing_of_the_guest_reaches_the_host_process_streams()
    {
        var (exitCode, stdout, stderr) = ChildProcessProgram.Run("the host's own input\n", "stdio", "default");
        Assert.Equal(0, exitCode);
        Assert.Equal("host: printed 0, echoed 0\n", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Inherited_streams_are_the_host_process_streams()
    {
        var (exitCode, stdout, stderr) = ChildProcessProgram.Run("the host's own input\n", "stdio", "inherit");
        Assert.Equal(0, exitCode);
        Assert.Equal("guest stdout 5\nthe host's own input\nhost: printed 0, echoed 21\n", stdout);
        Assert.Equal("guest stderr 5\n", stderr);
    }
}
