using Pipeline.Components;
using Pipeline.Containers;
using Pipeline.Processes;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>
/// The pipeline tool as a container image FROM scratch for linux/amd64 and linux/arm64: each platform's single-file
/// binary and the few shared libraries it loads, taken from Debian's packages for that architecture. Built, pushed and
/// pinned by the same multi-platform builder and digest capture as BuildMultiArchImage and CaptureDigest.
/// </summary>
internal sealed partial class Build
{
    const string ToolImageDockerfile = """
        # The pipeline tool, FROM scratch: the self-contained binary of the platform and Debian's C/C++ runtime, OpenSSL and zlib.
        FROM scratch
        ARG TARGETARCH
        COPY rootfs/${TARGETARCH}/ /
        COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
        COPY tmp /tmp
        COPY pipeline-${TARGETARCH} /usr/local/bin/pipeline
        ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
        WORKDIR /work
        ENTRYPOINT ["/usr/local/bin/pipeline"]
        """;

    [Parameter("Repository the pipeline tool's image is pushed to, e.g. ghcr.io/org/pipeline (tagged with the version).")]
    readonly string? ToolImageRepository;

    AbsolutePath ToolImageDirectory => ArtifactsDirectory / "tool-image";

    Target ToolImageContext => _ => _
        .Description("Puts the tool image's build context into artifacts/tool-image: the binaries, Debian's libraries per architecture, a Dockerfile FROM scratch.")
        .DependsOn(Binaries)
        .Produces("artifacts/tool-image/Dockerfile", "artifacts/tool-image/rootfs/*")
        .Executes(async context =>
        {
            (ToolImageDirectory / "tmp").CreateDirectory();
            foreach (var (runtime, architecture) in new[] { ("linux-x64", "amd64"), ("linux-arm64", "arm64") })
            {
                await DebianRuntime.UnpackAsync(architecture, ToolImageDirectory / "rootfs" / architecture, TemporaryDirectory / "debian", context.CancellationToken);
                File.Copy(BinariesDirectory / $"pipeline-{runtime}", ToolImageDirectory / $"pipeline-{architecture}", overwrite: true);
                context.Report(architecture, string.Join(", ", DebianRuntime.Packages));
            }
            File.Copy("/etc/ssl/certs/ca-certificates.crt", ToolImageDirectory / "ca-certificates.crt", overwrite: true);
            await File.WriteAllTextAsync(ToolImageDirectory / "Dockerfile", ToolImageDockerfile + "\n", context.CancellationToken);
        });

    Target ToolImage => _ => _
        .Description("Builds the pipeline tool's image FROM scratch for linux/amd64 and linux/arm64, pushes it to --tool-image-repository and pins its digest.")
        .DependsOn(ToolImageContext)
        .Requires(() => ToolImageRepository)
        .Produces("artifacts/tool-image/image.json")
        .Executes(async context =>
        {
            var image = (IHazImage)this;
            var version = await BinaryVersionAsync(context.CancellationToken);
            var commit = (await ProcessRunner.RunAsync(new ProcessRequest("git", ["rev-parse", "HEAD"]) { WorkingDirectory = RootDirectory }, context.CancellationToken)).StandardOutput.Trim();
            var request = new ImageBuildRequest(ToolImageRepository!, ToolImageDirectory)
            {
                Platforms = Platform.Defaults,
                Tags = [version.Replace('+', '-')],
                SourceCommit = commit,
                Version = version,
                InsecureRegistries = image.InsecureRegistries,
                ReuseExisting = !image.Rebuild,
            };
            using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions
            {
                Output = new LogLines(),
                ArtifactsDirectory = TemporaryDirectory / "tool-image-build",
                Endpoint = DockerEndpoint.FromEnvironment(name => EnvironmentVariables.GetValueOrDefault(name)),
                Credentials = new RegistryCredentialProvider(environment: name => EnvironmentVariables.GetValueOrDefault(name)),
            });
            var built = await builder.BuildAsync(request, image.BuildStrategy, context.CancellationToken);
            var pinned = await builder.CaptureAsync(built, Platform.Defaults, null, image.InsecureRegistries, context.CancellationToken);
            await pinned.WriteAsync(ToolImageDirectory / "image.json", context.CancellationToken);
            context.Report("pinned", pinned.Reference.ToString());
            context.Report("platforms", string.Join(", ", pinned.Platforms.Select(p => $"{p.Platform} ({p.ConfigArchitecture})")));
            context.SetOutput("tool-image", pinned.Reference.ToString());
        });

    sealed class LogLines : IProgress<string>
    {
        public void Report(string value) => Log.Information(value);
    }
}
