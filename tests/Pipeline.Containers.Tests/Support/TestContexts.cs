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

    /// <summary>A context with only a text file, for tests that need no RUN step.</summary>
    public static string TextOnly(string dockerfile = "FROM scratch\nCOPY hello.txt /hello.txt\n")
    {
        var folder = TestTemp.Folder("pipeline-ctx-");
        File.WriteAllText(Path.Combine(folder, "hello.txt"), "hello\n");
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        return folder;
    }
}
