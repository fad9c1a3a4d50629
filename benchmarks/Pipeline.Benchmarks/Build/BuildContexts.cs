using System.Security.Cryptography;
using Pipeline.Containers;
using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.Benchmarks.Build;

/// <summary>
/// Fresh copies of samples/demo-service to build. A cold context has content no engine or registry has seen: each
/// busybox gets a trailer of random bytes (a static binary ignores bytes after its sections) and the app folder a new
/// build id, so no layer is cached or mounted from another repository. A warm context is the same folder with one
/// line of the app changed, as a rebuild after a small commit.
/// </summary>
internal sealed class BuildContexts(string template) : IDisposable
{
    /// <summary>The demo service with a RUN step, which executes under emulation for non-native platforms.</summary>
    public const string RunStep = """RUN ["/bin/busybox", "sh", "-c", "/bin/busybox mkdir -p /app/generated && /bin/busybox uname -m > /app/generated/machine"]""";

    private readonly List<string> _folders = [];

    /// <summary>Copies the demo service and Debian's static busybox for every platform into a template folder.</summary>
    public static async Task<BuildContexts> PrepareAsync(string root, IEnumerable<Platform> platforms, Action<string> log, CancellationToken cancellationToken)
    {
        var template = Directory.CreateTempSubdirectory("bench-build-template-").FullName;
        Copy(Path.Combine(root, "samples", "demo-service"), template);
        await StaticBusybox.PutInContextAsync(template, platforms.Select(p => p.ToString()), log, cancellationToken).ConfigureAwait(false);
        return new BuildContexts(template);
    }

    /// <summary>A new context with unseen content; with <paramref name="runStep"/> the Dockerfile also runs a command.</summary>
    public string Cold(bool runStep)
    {
        var folder = Directory.CreateTempSubdirectory("bench-build-").FullName;
        _folders.Add(folder);
        Copy(template, folder);
        foreach (var busybox in Directory.EnumerateFiles(Path.Combine(folder, "rootfs"), "busybox", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(busybox, FileMode.Append);
            stream.Write(RandomNumberGenerator.GetBytes(64));
        }

        File.WriteAllText(Path.Combine(folder, "app", "build-id"), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "\n");
        if (runStep)
        {
            var dockerfile = Path.Combine(folder, "Dockerfile");
            var lines = File.ReadAllLines(dockerfile).ToList();
            lines.Insert(lines.FindIndex(l => l.StartsWith("COPY app/", StringComparison.Ordinal)) + 1, RunStep);
            File.WriteAllLines(dockerfile, lines);
        }

        return folder;
    }

    /// <summary>The same context after a one-line change to the app.</summary>
    public static void ChangeOneLine(string context) =>
        File.WriteAllText(Path.Combine(context, "app", "build-id"), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "\n");

    public void Dispose()
    {
        foreach (var folder in _folders.Append(template))
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }
    }
}
