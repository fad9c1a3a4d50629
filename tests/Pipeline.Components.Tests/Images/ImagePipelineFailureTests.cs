using Pipeline.Components.Tests.Support;
using Pipeline.Containers;
using Pipeline.Containers.Tests.Support;
using Pipeline.Rehearsal.Infrastructure;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.Images;

/// <summary>
/// The image targets against real parts when something is wrong: a pin of one platform's manifest, a registry that
/// cannot be reached or stops mid-build, an engine whose socket dies mid-build. Each names what failed, exits
/// non-zero, and leaves nothing reported as pushed or promoted.
/// </summary>
public sealed class ImagePipelineFailureTests : IAsyncLifetime
{
    private const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: {0}:old\n";
    private readonly BuildRun _run = new();
    private LocalRegistry? _registry;

    private string Repository => $"{_registry!.Address}/pipeline-tests/app";

    private string GitOps => Path.Combine(_run.Root, "gitops");

    private string Artifacts => Path.Combine(_run.Root, "artifacts");

    public async Task InitializeAsync()
    {
        if (DockerAvailability.SkipReason is not null)
        {
            return;
        }

        _registry = await LocalRegistry.StartAsync();
        await Git.InitAsync(_run.Root, "The app");
        Directory.CreateDirectory(Path.Combine(_run.Root, "app"));
        await File.WriteAllTextAsync(Path.Combine(_run.Root, "app", "hello.txt"), "hello\n");
        await File.WriteAllTextAsync(Path.Combine(_run.Root, "app", "Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        Directory.CreateDirectory(GitOps);
        await File.WriteAllTextAsync(Path.Combine(GitOps, "promotion.yaml"), $"apps:\n  app:\n    image: {Repository}\n    environments:\n      dev:\n        files:\n          - path: deployment.yaml\n            container: app\n");
        await File.WriteAllTextAsync(Path.Combine(GitOps, "deployment.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, Deployment, Repository));
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        _run.Dispose();
    }

    [DockerFact]
    public async Task A_pin_of_one_platforms_manifest_is_refused_for_two_platforms_naming_both_media_types_and_nothing_is_promoted()
    {
        var built = await BuildOnePlatformAsync();
        var platformManifest = $"{Repository}:{built.Tags[0]}@{built.Platforms[0].Digest}";

        var outcome = await BumpAsync(platformManifest, "--platforms", "linux/amd64,linux/arm64");

        outcome.ExitCode.Should().NotBe(0, _run.Output);
        _run.Output.Should().Contain(MediaTypes.OciManifest).And.Contain(MediaTypes.OciIndex).And.Contain("single-platform manifest");
        AssertNothingPromoted();
    }

    [DockerFact]
    public async Task A_dispatched_pin_of_one_platforms_manifest_is_refused_for_two_platforms_before_anything_is_written()
    {
        var built = await BuildOnePlatformAsync();
        var payload = Path.Combine(_run.Root, "event.json");
        await File.WriteAllTextAsync(payload, $"{{\"action\": \"promote\", \"client_payload\": {{\"app\": \"app\", \"image\": \"{Repository}:{built.Tags[0]}@{built.Platforms[0].Digest}\"}}}}");

        var outcome = await _run.RunAsync(new ImageBuild(), "ApplyDispatch", "--dispatch-event", payload, "--gitops-repository", GitOps, "--platforms", "linux/amd64,linux/arm64");

        outcome.ExitCode.Should().NotBe(0, _run.Output);
        _run.Output.Should().Contain(MediaTypes.OciManifest).And.Contain(MediaTypes.OciIndex);
        AssertNothingPromoted();
    }

    [DockerFact]
    public async Task An_unreachable_registry_stops_the_promotion_unless_no_verify_image_and_then_the_output_says_it_was_not_checked()
    {
        var port = FreePort();
        var pin = $"127.0.0.1:{port}/pipeline-tests/app:abc1234@sha256:{new string('a', 64)}";
        await File.WriteAllTextAsync(Path.Combine(GitOps, "promotion.yaml"), $"apps:\n  app:\n    image: 127.0.0.1:{port}/pipeline-tests/app\n    environments:\n      dev:\n        files:\n          - path: deployment.yaml\n            container: app\n");

        var refused = await BumpAsync(pin);

        refused.ExitCode.Should().NotBe(0, _run.Output);
        _run.Output.Should().Contain($"127.0.0.1:{port}").And.Contain("unreachable").And.Contain("--no-verify-image");
        AssertNothingPromoted();

        var notChecked = await BumpAsync(pin, "--no-verify-image");

        notChecked.ExitCode.Should().Be(0, _run.Output);
        _run.Output.Should().Contain("was not checked in the registry (--no-verify-image)");
        File.ReadAllText(Path.Combine(GitOps, "deployment.yaml")).Should().Contain(pin);
    }

    [DockerFact]
    public async Task A_registry_that_stops_mid_build_is_named_and_no_image_record_is_left()
    {
        Directory.CreateDirectory(Artifacts);
        await File.WriteAllTextAsync(Path.Combine(Artifacts, "image.json"), "{\"left\": \"by an earlier run\"}");
        var address = _registry!.Address;
        var repository = Repository;
        var registry = _registry;
        _registry = null;
        using var output = new TriggerWriter("[linux/amd64]", () => registry.DisposeAsync().AsTask().GetAwaiter().GetResult());

        var outcome = await RunAsync(output, "BuildMultiArchImage", "--skip", "--image", repository, "--context", "app", "--platforms", "linux/amd64", "--build-strategy", "Engine");

        outcome.ExitCode.Should().NotBe(0, output.ToString());
        output.ToString().Should().Contain($"Registry '{address}' is unreachable");
        output.ToString().Should().NotContain("pushed index");
        File.Exists(Path.Combine(Artifacts, "image.json")).Should().BeFalse("a failed build reports nothing as pushed");
    }

    [DockerFact]
    public async Task An_engine_whose_socket_dies_mid_build_is_named_and_no_image_record_is_left()
    {
        using var engine = new DyingEngineSocket();
        _run.Environment["DOCKER_HOST"] = engine.Host;
        using var output = new TriggerWriter("[linux/amd64]", engine.Kill);

        var outcome = await RunAsync(output, "BuildMultiArchImage", "--skip", "--image", Repository, "--context", "app", "--platforms", "linux/amd64", "--build-strategy", "Engine");

        outcome.ExitCode.Should().NotBe(0, output.ToString());
        output.ToString().Should().Contain($"No Docker engine answers at {engine.Host}");
        File.Exists(Path.Combine(Artifacts, "image.json")).Should().BeFalse("a failed build reports nothing as pushed");
        using var registry = new RegistryClient();
        (await registry.HeadManifestAsync(ImageReference.Parse(Repository + ":" + (await Git.RunAsync(_run.Root, "rev-parse", "--short=7", "HEAD"))))).Should().BeNull();
    }

    private async Task<BuiltImage> BuildOnePlatformAsync()
    {
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = Artifacts });
        return await builder.BuildAsync(new ImageBuildRequest(Repository, Path.Combine(_run.Root, "app")) { Tags = ["abc1234"], Platforms = [Platform.LinuxAmd64] }, BuildStrategyKind.Engine);
    }

    private Task<BuildOutcome> BumpAsync(string pin, params string[] more) =>
        _run.RunAsync(new ImageBuild(), ["BumpGitOps", "--skip", "--image-reference", pin, "--gitops-repository", GitOps, .. more]);

    private async Task<BuildOutcome> RunAsync(TextWriter output, params string[] arguments) =>
        await BuildEngine.RunAsync(new ImageBuild(), new BuildInvocation(arguments)
        {
            Environment = _run.Environment,
            Output = output,
            WorkingDirectory = _run.Root,
            IsTerminal = false,
        });

    private void AssertNothingPromoted()
    {
        File.Exists(Path.Combine(Artifacts, "promotion.json")).Should().BeFalse("nothing was promoted");
        File.ReadAllText(Path.Combine(GitOps, "deployment.yaml")).Should().EndWith(":old\n");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ImageBuild : PipelineBuild, IBumpGitOps, IApplyDispatch;
}
