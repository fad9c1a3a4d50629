using Pipeline.Rehearsal.Infrastructure;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Support;

/// <summary>Build contexts in temporary folders: FROM scratch with a static busybox per architecture.</summary>
public static class TestContexts
{
    /// <summary>
    /// A context whose image runs busybox: it records TARGETARCH, COMMIT and VERSION in files and its default command
    /// prints them. <paramref name="extraSteps"/> are appended to the Dockerfile.
    /// </summary>
    public static async Task<string> BusyboxAsync(string extraSteps = "", params string[] architectures)
    {
        var folder = TestTemp.Folder("pipeline-ctx-");
        foreach (var architecture in architectures.Length == 0 ? ["amd64", "arm64"] : architectures)
        {
            File.Copy(await StaticBusybox.GetAsync(architecture), Path.Combine(folder, $"busybox-{architecture}"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "Dockerfile"), $$"""
            FROM scratch
            ARG TARGETARCH
            ARG COMMIT=unknown
            ARG VERSION=unknown
            COPY busybox-${TARGETARCH} /bin/busybox
            RUN ["/bin/busybox", "sh", "-c", "/bin/busybox mkdir -p /usr/bin /tmp && /bin/busybox --install -s /bin && echo $COMMIT > /commit && echo $VERSION > /version && uname -m > /built-on"]
            {{extraSteps}}
            CMD ["/bin/sh", "-c", "echo commit=$(cat /commit) version=$(cat /version) arch=$(uname -m)"]
            """);
        return folder;
    }

    /// <summary>A copy of samples/demo-service with Debian's static busybox for amd64 and arm64 in its rootfs/.</summary>
    public static async Task<string> DemoServiceAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Pipeline.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Pipeline.sln not found above the test binaries.");
        }

        var sample = Path.Combine(root, "samples", "demo-service");
        var folder = TestTemp.Folder("pipeline-demo-");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(sample, f).StartsWith("rootfs", StringComparison.Ordinal)))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }

        await StaticBusybox.PutInContextAsync(folder, ["linux/amd64", "linux/arm64"], _ => { }, CancellationToken.None);
        return folder;
    }

    /// <summary>A context with only a text file, for tests that need no RUN step.</summary>
    public static string TextOnly(string dockerfile = "FROM scratch\nCOPY hello.txt /hello.txt\n")
    {
        var folder = TestTemp.Folder("pipeline-ctx-");
        File.WriteAllText(Path.Combine(folder, "hello.txt"), "hello\n");
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        return folder;
    }
}
