using System.Text;

namespace WitHost.Wamr.Tests;

public sealed class WasiTests
{
    private static uint CString(WamrInstance instance, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text + "\0");
        uint pointer = instance.Realloc(0, 0, 1, (uint)bytes.Length);
        instance.Memory.Write(pointer, bytes);
        return pointer;
    }

    [Fact]
    public void Arguments_environment_and_preopened_directories_reach_the_guest()
    {
        string directory = Directory.CreateTempSubdirectory("withost-wasi").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "data.txt"), "twelve bytes");
            using var engine = new WamrEngine();
            using var module = engine.LoadModule(CoreGuest.Loadable);
            var wasi = new WasiOptions
            {
                Arguments = ["guest", "--flag", "value"],
                Environment = new Dictionary<string, string> { ["GREETING"] = "hello there" },
                PreopenedDirectories = [directory],
            };
            using var instance = module.Instantiate(options: new InstanceOptions { Wasi = wasi });

            Assert.Equal(3, instance.Invoke("wasi-argc")[0].AsInt32());
            Assert.Equal(11, instance.Invoke("env-length", CString(instance, "GREETING"))[0].AsInt32());
            Assert.Equal(-1, instance.Invoke("env-length", CString(instance, "MISSING"))[0].AsInt32());
            Assert.Equal(12, instance.Invoke("file-size", CString(instance, Path.Combine(directory, "data.txt")))[0].AsInt32());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Without_wasi_options_the_guest_sees_nothing_of_the_host()
    {
        using var engine = new WamrEngine();
        using var module = engine.LoadModule(CoreGuest.Loadable);
        using var instance = module.Instantiate();
        Assert.Equal(0, instance.Invoke("wasi-argc")[0].AsInt32());
        Assert.Equal(-1, instance.Invoke("env-length", CString(instance, "PATH"))[0].AsInt32());
        Assert.Equal(-1, instance.Invoke("file-size", CString(instance, "/etc/hostname"))[0].AsInt32());
    }
}
