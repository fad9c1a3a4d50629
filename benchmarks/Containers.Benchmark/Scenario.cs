using Pipeline.Containers;
using Pipeline.Rehearsal.Infrastructure;

namespace Containers.Benchmark;

/// <summary>
/// The same build done two ways. Each run writes a fresh source file and commit into the context, as a new commit
/// would, so the RUN steps after it execute on both sides; only the unchanged busybox COPY is cached, for both alike.
/// </summary>
internal sealed class Scenario(string registry, string context)
{
    private const string Docker = "/usr/bin/docker";

    public static async Task<string> CreateContextAsync()
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-bench-ctx-").FullName;
        foreach (var architecture in new[] { "amd64", "arm64" })
        {
            File.Copy(await StaticBusybox.GetAsync(architecture), Path.Combine(folder, $"busybox-{architecture}"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "Dockerfile"), """
            FROM scratch
            ARG TARGETARCH
            COPY busybox-${TARGETARCH} /bin/busybox
            ARG COMMIT=unknown
            COPY source.txt /app/source.txt
            RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && echo $COMMIT > /app/commit && sha256sum /app/source.txt > /app/checksum && uname -m > /app/arch"]
            CMD ["/bin/sh", "-c", "cat /app/commit /app/arch"]
            """);
        return folder;
    }

    public async Task<string> RunLibraryAsync(string run)
    {
        var commit = await NewCommitAsync(run);
        using var builder = new MultiPlatformImageBuilder();
        var request = new ImageBuildRequest($"{registry}/bench/library", context) { SourceCommit = commit, Tags = [run] };
        var built = await builder.BuildAsync(request, BuildStrategyKind.Engine);
        var pinned = await builder.CaptureAsync(built, request.Platforms);
        return $"{pinned.Reference.Digest!.Short} [{string.Join(", ", pinned.Platforms.Select(p => p.ConfigArchitecture))}]";
    }

    public async Task<string> RunCommandLineAsync(string run)
    {
        var commit = await NewCommitAsync(run);
        var repository = $"{registry}/bench/cli";
        var short7 = commit[..7];
        var environment = new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" };
        foreach (var architecture in new[] { "amd64", "arm64" })
        {
            // --network host: this engine has no default bridge (dockerd --bridge=none); the library detects that itself.
            await RunAsync(environment, "build", "--network", "host", "--platform", $"linux/{architecture}", "--build-arg", $"COMMIT={commit}",
                "--label", $"org.opencontainers.image.revision={commit}", "-t", $"{repository}:{short7}-{architecture}", context);
        }

        foreach (var architecture in new[] { "amd64", "arm64" })
        {
            await RunAsync(environment, "push", $"{repository}:{short7}-{architecture}");
        }

        await RunAsync(environment, "manifest", "create", "--insecure", $"{repository}:{short7}", $"{repository}:{short7}-amd64", $"{repository}:{short7}-arm64");
        var digest = (await RunAsync(environment, "manifest", "push", "--purge", "--insecure", $"{repository}:{short7}")).Trim();
        var listing = await RunAsync(environment, "manifest", "inspect", "--insecure", $"{repository}:{short7}");
        var architectures = new[] { "amd64", "arm64" }.Where(a => listing.Contains($"\"architecture\": \"{a}\"", StringComparison.Ordinal));
        return $"{digest.Replace("sha256:", string.Empty, StringComparison.Ordinal)[..12]} [{string.Join(", ", architectures)}]";
    }

    private async Task<string> NewCommitAsync(string run)
    {
        var commit = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(run + Guid.NewGuid())));
        await File.WriteAllTextAsync(Path.Combine(context, "source.txt"), $"source of {run} at {commit}\n");
        return commit;
    }

    private static async Task<string> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var request = new ProcessRequest(Docker, arguments) { Environment = environment.ToDictionary(p => p.Key, string? (p) => p.Value) };
        return (await ProcessRunner.RunAsync(request)).StandardOutput;
    }
}
