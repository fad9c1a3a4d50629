using System.Text.Json;
using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.EndToEnd;

/// <summary>
/// <c>./build.sh ToolImage</c> from the packed clone: the tool's image FROM scratch for linux/amd64 and linux/arm64,
/// built and pinned by the pipeline's own multi-platform builder into a local registry, then run on the Docker engine
/// for each platform (arm64 under qemu).
/// </summary>
[Collection(PackedRepositoryCollection.Name)]
public sealed class ToolImageTests(PackedRepository packed) : IAsyncLifetime
{
    private LocalRegistry _registry = null!;
    private readonly List<string> _pulled = [];

    public async Task InitializeAsync() => _registry = await LocalRegistry.StartAsync();

    [DockerFact]
    public void The_tool_image_is_built_for_both_platforms_pinned_and_runs_on_each()
    {
        packed.ToolImageContext.ExitCode.Should().Be(0, packed.ToolImageContext.All);
        var repository = $"{_registry.Address}/example/pipeline";

        var build = packed.Clone.BuildSh("ToolImage", "--skip", "Binaries", "ToolImageContext", "--tool-image-repository", repository);

        build.ExitCode.Should().Be(0, build.All);
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(packed.ToolImageDirectory, "image.json")));
        var reference = record.RootElement.GetProperty("reference").GetString()!;
        reference.Should().StartWith($"{repository}:").And.Contain("@sha256:");
        record.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Contain(packed.TagVersion);
        build.Output.Should().Contain(reference).And.Contain("linux/amd64 (amd64)").And.Contain("linux/arm64 (arm64)");

        foreach (var platform in new[] { "linux/amd64", "linux/arm64" })
        {
            _pulled.Add(reference);
            var version = RepositoryClone.Run("docker", ["run", "--rm", "--network", "none", "--pull", "always", "--platform", platform, reference, "--version"], Path.GetTempPath());
            version.ExitCode.Should().Be(0, $"{platform}: {version.All}");
            version.Output.Trim().Should().Be(packed.TagVersion, platform);
            var plan = RepositoryClone.Run("docker", ["run", "--rm", "--network", "none", "--platform", platform, reference, "plan", "promote"], Path.GetTempPath());
            plan.ExitCode.Should().Be(2, $"{platform}: {plan.All}");
            plan.Output.Should().Contain("BuildMultiArchImage: requires parameter Image, which is not set.", platform);
            RepositoryClone.Run("docker", ["image", "rm", reference], Path.GetTempPath());
        }
    }

    public async Task DisposeAsync()
    {
        // What was pulled to run, and the per-platform images the build left tagged in the engine.
        var built = RepositoryClone.Run("docker", ["image", "ls", "--format", "{{.Repository}}:{{.Tag}}", $"{_registry.Address}/example/pipeline"], Path.GetTempPath());
        foreach (var reference in _pulled.Concat(built.Lines.Where(l => l.Length > 0)).Distinct())
        {
            RepositoryClone.Run("docker", ["image", "rm", "--force", reference], Path.GetTempPath());
        }

        await _registry.DisposeAsync();
    }
}
