using System.Text.Json;
using Pipeline.Containers.Tests.Support;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Integration;

/// <summary>
/// The buildx strategy against a stand-in <c>docker</c> program (a real shell script) that records its arguments and
/// environment and writes the metadata file buildx would write, naming an index really pushed to the registry.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class BuildxStrategyTests(DockerFixture docker)
{
    [DockerFact]
    public async Task Buildx_strategy_passes_the_request_as_flags_and_reads_the_pushed_index()
    {
        var repository = docker.Repository("buildx");
        var context = TestContexts.TextOnly("FROM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}\n");
        BuiltImage pushed;
        using (var engine = new MultiPlatformImageBuilder())
        {
            pushed = await engine.BuildAsync(new ImageBuildRequest(repository, context) { Tags = ["from-buildx"] }, BuildStrategyKind.Engine);
        }

        var fake = FakeDocker.Create(exitCode: 0, metadataDigest: pushed.Digest.ToString());
        var output = new LineCollector();
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { DockerProgram = fake.Program, Output = output });
        var request = new ImageBuildRequest(repository, context)
        {
            SourceCommit = "89abcdef0123456789abcdef0123456789abcdef",
            Tags = ["from-buildx"],
            Version = "3.1.0",
            Credential = new RegistryCredential("robot", new Secret("registry-pass-42")),
        };

        var chosen = await builder.ChooseAsync();
        var built = await builder.BuildAsync(request, BuildStrategyKind.Buildx);

        chosen.Should().Be(BuildStrategyKind.Buildx, "the stand-in answers 'docker buildx version'");
        var arguments = fake.RecordedArguments();
        arguments.Should().ContainInOrder("buildx", "build");
        arguments.Should().ContainInOrder("--platform", "linux/amd64,linux/arm64");
        arguments.Should().ContainInOrder("--tag", $"{repository}:89abcde").And.ContainInOrder("--tag", $"{repository}:from-buildx");
        arguments.Should().Contain("COMMIT=89abcdef0123456789abcdef0123456789abcdef").And.Contain("VERSION=3.1.0");
        arguments.Should().Contain("org.opencontainers.image.revision=89abcdef0123456789abcdef0123456789abcdef");
        arguments.Should().Contain("index:org.opencontainers.image.version=3.1.0");
        arguments.Should().Contain("--push").And.Contain("--metadata-file");
        arguments[^1].Should().Be(context);
        fake.RecordedDockerConfig().Should().Contain(docker.Registry).And.Contain(Convert.ToBase64String("robot:registry-pass-42"u8.ToArray()));
        output.Text.Should().NotContain("registry-pass-42");
        built.Digest.Should().Be(pushed.Digest);
        built.Platforms.Select(p => p.Platform).Should().Equal(Platform.LinuxAmd64, Platform.LinuxArm64);
        built.Strategy.Should().Be("buildx");
    }

    [DockerFact]
    public async Task Buildx_failure_carries_exit_code_command_line_and_stderr_with_secrets_masked()
    {
        var fake = FakeDocker.Create(exitCode: 17, metadataDigest: null, stderr: "ERROR: failed to solve: process \"/bin/sh -c make\" did not complete: token=tok-SECRET-99");
        var driver = new BuildxDriver(fake.Program);
        var settings = new BuildxSettings(TestContexts.TextOnly())
        {
            Platforms = Platform.Defaults,
            SecretBuildArgs = new Dictionary<string, Secret> { ["NPM_TOKEN"] = new("tok-SECRET-99") },
        };

        var act = () => driver.BuildAsync(settings);

        var failure = (await act.Should().ThrowAsync<ProcessException>()).Which;
        failure.ExitCode.Should().Be(17);
        failure.CommandLine.Should().Contain("buildx build").And.Contain("NPM_TOKEN=***").And.NotContain("tok-SECRET-99");
        failure.StandardErrorTail.Should().Contain("did not complete").And.Contain("token=***");
        failure.Message.Should().NotContain("tok-SECRET-99");
        fake.RecordedArguments().Should().Contain("NPM_TOKEN=tok-SECRET-99", "buildx itself receives the real value");
    }

    private sealed record FakeDocker(string Folder)
    {
        public string Program => Path.Combine(Folder, "docker");

        public static FakeDocker Create(int exitCode, string? metadataDigest, string stderr = "")
        {
            var folder = TestTemp.Folder("pipeline-fake-docker-");
            var metadata = metadataDigest is null
                ? string.Empty
                : JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["containerimage.digest"] = metadataDigest,
                    ["containerimage.descriptor"] = new Dictionary<string, object> { ["mediaType"] = MediaTypes.OciIndex, ["digest"] = metadataDigest, ["size"] = 1 },
                    ["image.name"] = "x",
                });
            var script = $$"""
                #!/bin/sh
                if [ "$1" = "buildx" ] && [ "$2" = "version" ]; then echo "github.com/docker/buildx v0.99.0 fake"; exit 0; fi
                printf '%s\n' "$@" > "{{folder}}/arguments"
                if [ -n "$DOCKER_CONFIG" ]; then cat "$DOCKER_CONFIG/config.json" > "{{folder}}/docker-config"; fi
                meta=""
                while [ $# -gt 0 ]; do if [ "$1" = "--metadata-file" ]; then meta="$2"; fi; shift; done
                echo "#1 building (stand-in)"
                {{(stderr.Length > 0 ? $"echo '{stderr}' >&2" : string.Empty)}}
                {{(metadata.Length > 0 ? $"cat > \"$meta\" <<'JSON'\n{metadata}\nJSON" : string.Empty)}}
                exit {{exitCode}}
                """;
            var program = Path.Combine(folder, "docker");
            File.WriteAllText(program, script.Replace("\r", string.Empty));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            return new FakeDocker(folder);
        }

        public string[] RecordedArguments() => File.ReadAllLines(Path.Combine(Folder, "arguments"));

        public string RecordedDockerConfig() => File.ReadAllText(Path.Combine(Folder, "docker-config"));
    }
}
