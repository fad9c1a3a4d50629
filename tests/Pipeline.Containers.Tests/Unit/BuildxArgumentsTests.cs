namespace Pipeline.Containers.Tests.Unit;

public sealed class BuildxArgumentsTests
{
    private static readonly ImageReference Repository = ImageReference.ForRepository("ghcr.io/org/app");

    [Fact]
    public void Settings_become_flags_in_a_stable_order_with_the_context_last()
    {
        var settings = new BuildxSettings("src/app")
        {
            Dockerfile = "src/app/Dockerfile",
            Platforms = Platform.Defaults,
            Tags = [Repository.WithTag("abc1234"), Repository.WithTag("latest")],
            BuildArgs = new Dictionary<string, string> { ["VERSION"] = "1.0", ["COMMIT"] = "abc" },
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.revision"] = "abc" },
            Annotations = new Dictionary<string, string> { ["index:org.opencontainers.image.revision"] = "abc" },
            CacheFrom = ["type=registry,ref=ghcr.io/org/app:cache"],
            CacheTo = ["type=gha,mode=max"],
            Provenance = false,
            Sbom = true,
            Target = "runtime",
            Builder = "ci",
            NoCache = true,
            ExtraArguments = ["--ulimit", "nofile=1024:1024"],
        };

        var command = BuildxArguments.Build("docker", settings, "/tmp/meta.json");

        command.Arguments.Should().Equal(
            "buildx", "build", "--progress", "plain", "--builder", "ci", "--file", "src/app/Dockerfile",
            "--platform", "linux/amd64,linux/arm64",
            "--tag", "ghcr.io/org/app:abc1234", "--tag", "ghcr.io/org/app:latest",
            "--build-arg", "COMMIT=abc", "--build-arg", "VERSION=1.0",
            "--label", "org.opencontainers.image.revision=abc",
            "--annotation", "index:org.opencontainers.image.revision=abc",
            "--cache-from", "type=registry,ref=ghcr.io/org/app:cache", "--cache-to", "type=gha,mode=max",
            "--provenance=false", "--sbom=true", "--target", "runtime", "--no-cache", "--push",
            "--metadata-file", "/tmp/meta.json", "--ulimit", "nofile=1024:1024", "src/app");
    }

    [Fact]
    public void Secret_build_args_reach_buildx_but_not_the_echoed_command_line()
    {
        var settings = new BuildxSettings(".")
        {
            SecretBuildArgs = new Dictionary<string, Secret> { ["NPM_TOKEN"] = new("npm_abcdef") },
            Secrets = new Dictionary<string, Secret> { ["gh"] = new("ghp_123") },
        };

        var command = BuildxArguments.Build("docker", settings, "m.json");

        command.Arguments.Should().Contain("NPM_TOKEN=npm_abcdef").And.Contain("id=gh,env=PIPELINE_BUILDX_SECRET_GH");
        command.Arguments.Should().NotContain(a => a.Contains("ghp_123", StringComparison.Ordinal), "file secrets travel in the environment");
        command.ToString().Should().Contain("NPM_TOKEN=***").And.NotContain("npm_abcdef");
        command.RedactedArguments.Should().Contain("NPM_TOKEN=***");
    }

    [Fact]
    public void Push_by_digest_writes_an_untagged_image_output()
    {
        var settings = new BuildxSettings(".") { Platforms = [Platform.LinuxArm64], Output = BuildxOutput.PushByDigest, PushByDigestRepository = Repository };

        var command = BuildxArguments.Build("docker", settings, "m.json");

        command.Arguments.Should().ContainInOrder("--output", "type=image,name=ghcr.io/org/app,push-by-digest=true,name-canonical=true,push=true");
        command.Arguments.Should().NotContain("--push");
    }

    [Fact]
    public void Load_takes_one_platform()
    {
        var settings = new BuildxSettings(".") { Platforms = Platform.Defaults, Output = BuildxOutput.Load };

        var act = () => BuildxArguments.Build("docker", settings, "m.json");

        act.Should().Throw<BuildInputException>().WithMessage("*--load takes one platform*");
    }

    [Fact]
    public void Echoed_command_line_is_quoted_for_a_shell()
    {
        var command = new CommandLine("docker").Add("buildx", "build", "--label", "description=two words", "it's");

        command.ToString().Should().Be("docker buildx build --label 'description=two words' 'it'\\''s'");
    }
}
