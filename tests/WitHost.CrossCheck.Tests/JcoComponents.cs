using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WitHost.CrossCheck.Tests;

/// <summary>
/// Component files made at test time from the project's own core guests with jco
/// (tests/crosscheck/make-component.mjs: <c>componentEmbed</c> then <c>componentNew</c>, with or
/// without the WASI preview1 adapter jco ships), as a user's toolchain makes them. Each one is
/// made once per test run and kept in a temporary folder.
/// </summary>
internal static class JcoComponents
{
    private static readonly ConcurrentDictionary<string, Lazy<JcoComponent>> s_made = new();
    // A random name, not the process id: test processes in other PID namespaces (containers,
    // sandboxes) can share the temp folder and the id, and one's exit would delete the other's files.
    private static readonly string s_folder = Path.Combine(Path.GetTempPath(), "withost-components-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The component of <paramref name="wasm"/> (a core guest) for <paramref name="world"/> of
    /// <paramref name="wit"/>, both paths under the repository root. <paramref name="encoding"/> is
    /// jco's name of the string encoding (<c>utf8</c>, <c>utf16</c>, <c>compact-utf16</c>), null for
    /// the default. Fails the test when jco refuses.
    /// </summary>
    public static JcoComponent Make(string wasm, string wit, string world, string? encoding, bool adapter)
    {
        string key = $"{wasm}|{wit}|{world}|{encoding}|{adapter}";
        return s_made.GetOrAdd(key, _ => new Lazy<JcoComponent>(() => Build(wasm, wit, world, encoding, adapter))).Value;
    }

    static JcoComponents()
    {
        // The files live as long as the test process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (Directory.Exists(s_folder))
                {
                    Directory.Delete(s_folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Best effort: a file still open is left to the system's temp cleaning.
            }
        };
    }

    private static JcoComponent Build(string wasm, string wit, string world, string? encoding, bool adapter)
    {
        Directory.CreateDirectory(s_folder);
        string name = $"{Path.GetFileNameWithoutExtension(wasm)}-{encoding ?? "default"}-{(adapter ? "adapter" : "plain")}-{Hash(wasm + wit + world)}.wasm";
        string output = Path.Combine(s_folder, name);
        var spec = new JsonObject
        {
            ["wasm"] = JcoOracle.InRepo(wasm),
            ["wit"] = JcoOracle.InRepo(wit),
            ["world"] = world,
            ["adapter"] = adapter,
            ["out"] = output,
        };
        if (encoding is not null)
        {
            spec["stringEncoding"] = encoding;
        }
        JsonObject report = JcoOracle.RunScript("make-component.mjs", spec);
        if (report["ok"]?.GetValue<bool>() != true)
        {
            Assert.Fail($"jco could not make a component of {wasm} at stage '{report["stage"]}': {report["message"]}");
        }
        return new JcoComponent(output, File.ReadAllBytes(output), report["wit"]!.GetValue<string>(), output + ".embedded.wasm");
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}

/// <summary>
/// A component jco made: its file, its bytes, the WIT jco decodes from it, and the core module
/// with the world embedded in its component-type section that it was made from (public: test
/// fixtures expose it).
/// </summary>
public sealed record JcoComponent(string Path, byte[] Bytes, string JcoWit, string EmbeddedPath);
