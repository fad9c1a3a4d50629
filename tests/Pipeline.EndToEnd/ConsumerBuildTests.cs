using System.Text.Json;

namespace Pipeline.EndToEnd;

/// <summary>
/// samples/consumer-build adopts the components through the packages alone: after <c>./build.sh Pack</c> in a clone,
/// its own build.sh compiles against the packed version and rehearses its own app twice, as its README says.
/// Uses the real Docker engine, registry and git.
/// </summary>
public sealed class ConsumerBuildTests(PackedRepository packed) : IClassFixture<PackedRepository>
{
    private string ConsumerRoot => Path.Combine(packed.Clone.Root, "samples", "consumer-build");

    [DockerFact]
    public void The_consumer_build_rehearses_through_the_packed_packages_then_says_already_promoted()
    {
        packed.TagPack.ExitCode.Should().Be(0, packed.TagPack.All);

        var first = ConsumerBuildSh("Rehearse");
        first.ExitCode.Should().Be(0, first.All);
        first.Error.Should().Contain($"Compiling the build against Pipeline {packed.TagVersion} from ../../artifacts/packages");
        first.Output.Should().Contain("Rehearsal result")
            .And.Contain("dev        Committed")
            .And.Contain("prod       PullRequestMerged")
            .And.Contain("pinned     dev: main:apps/consumer-service/deployment.yaml")
            .And.Contain("pinned     prod: main:environments/prod/kustomization.yaml")
            .And.MatchRegex($@"runs\s+docker run on this machine \([^)]+\): reports commit {packed.Head}")
            .And.MatchRegex(@"index\s+linux/amd64, linux/arm64 in sha256:[0-9a-f]{64}");
        first.Lines[^1].Should().StartWith("Build succeeded");

        var second = ConsumerBuildSh("Rehearse");
        second.ExitCode.Should().Be(0, second.All);
        second.Error.Should().NotContain("Compiling", "nothing the compiled build depends on changed");
        second.Output.Should().Contain("(already built: nothing new built)")
            .And.Contain("Already promoted: every environment pins this image; nothing was written.",
                "a second run writes nothing (git status of the clone: {0})", RepositoryClone.Run("git", ["status", "--porcelain"], packed.Clone.Root).Output);

        using var image = JsonDocument.Parse(File.ReadAllText(Path.Combine(ConsumerRoot, "artifacts", "image.json")));
        image.RootElement.GetProperty("reference").GetString().Should().MatchRegex($@"^localhost:5781/consumer-service:{packed.Head[..7]}@sha256:[0-9a-f]{{64}}$");
    }

    [Fact]
    public void The_consumer_build_compiles_against_the_packages_of_the_feed_not_the_sources()
    {
        packed.TagPack.ExitCode.Should().Be(0, packed.TagPack.All);

        var help = ConsumerBuildSh("--help");

        help.ExitCode.Should().Be(0, help.All);
        help.Output.Should().Contain("Rehearse").And.Contain("PrepareApp").And.Contain("--rehearsal-image")
            .And.Contain("localhost:5781/consumer-service");
        var restored = Path.Combine(ConsumerRoot, ".nuke", "temp", "nuget-packages");
        foreach (var package in packed.Projects)
        {
            Directory.Exists(Path.Combine(restored, package.ToLowerInvariant(), packed.TagVersion)).Should().BeTrue($"{package} {packed.TagVersion} comes from the local feed into the build's own packages folder");
        }

        File.ReadAllText(Path.Combine(ConsumerRoot, "build", "_build.csproj")).Should().NotContain("ProjectReference");
    }

    private ProcessOutcome ConsumerBuildSh(params string[] arguments) =>
        RepositoryClone.Run(Path.Combine(ConsumerRoot, "build.sh"), arguments, packed.Clone.Root);
}
