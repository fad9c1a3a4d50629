using System.Text.Json;
using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.Validation;

/// <summary>--dry-run writes nothing anywhere; image.json says where it came from, and BumpGitOps checks it.</summary>
public sealed class DryRunAndOriginTests : IAsyncLifetime
{
    private static readonly string Digest = "sha256:" + new string('a', 64);
    private PromoteFixture _fixture = null!;
    private string _head = "";

    public async Task InitializeAsync()
    {
        _fixture = await PromoteFixture.CreateAsync();
        _head = await Git.RunAsync(_fixture.Root, "rev-parse", "HEAD");
    }

    public Task DisposeAsync()
    {
        _fixture.Dispose();
        return Task.CompletedTask;
    }

    private string Output => _fixture.Run.Output;

    [Fact]
    public async Task A_dry_run_of_Promote_builds_and_pushes_nothing_writes_no_file_and_shows_each_step()
    {
        var outcome = await _fixture.PromoteAsync("--dry-run");

        outcome.ExitCode.Should().Be(BuildOutcome.Success, Output);
        Output.Should().Contain($"Dry run: would build linux/amd64 and linux/arm64 from app/Dockerfile (context app),")
            .And.Contain($"push each platform and the index to {PromoteFixture.Image} with the tags {_head[..7]}")
            .And.Contain("Dry run: would read the index of localhost:5999/app back from the registry")
            .And.Contain("the promoted digest is a placeholder")
            .And.Contain("app/dev: dry run; nothing written")
            .And.Contain($"+          image: {PromoteFixture.Image}:{_head[..7]}@sha256:0000");
        _fixture.Exists("artifacts/image.json").Should().BeFalse("nothing was built");
        _fixture.Read("gitops/deploy.yaml").Should().Be(PromoteFixture.Deployment + "\n", "a dry run writes nothing");
        (await Git.RunAsync(_fixture.Root, "status", "--porcelain")).Should().BeEmpty();

        var record = _fixture.Read("artifacts/promotion.json");
        record.Should().Contain("\"dryRun\": true").And.Contain("+          image: ", "JSON for people shows + as itself")
            .And.NotContain("\\u002B");
    }

    [Fact]
    public async Task BumpGitOps_refuses_an_image_record_of_another_registry_and_names_where_it_came_from()
    {
        await WriteRecordAsync("localhost:5780/demo-service", _head);

        var outcome = await _fixture.PromoteAsync("BumpGitOps", "--skip");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        Output.Should().Contain($"BumpGitOps: artifacts/image.json holds localhost:5780/demo-service:{_head[..7]}@{Digest}, written by './build.sh Rehearse' (CaptureDigest) at 2026-11-22 10:04:01Z, which is not an image of --image localhost:5999/app.")
            .And.Contain("--image-reference (env IMAGE_REFERENCE): not set")
            .And.Contain("fix: run CaptureDigest for --image localhost:5999/app (drop --skip), or promote a given image on purpose with --image-reference");
    }

    [Fact]
    public async Task BumpGitOps_refuses_an_image_record_of_another_commit()
    {
        await WriteRecordAsync(PromoteFixture.Image, new string('b', 40));

        var outcome = await _fixture.PromoteAsync("BumpGitOps", "--skip");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        Output.Should().Contain($"built from bbbbbbbbbbbb, written by './build.sh Rehearse' (CaptureDigest) at 2026-11-22 10:04:01Z, but the checkout is at {_head[..12]}.");
    }

    [Fact]
    public async Task BumpGitOps_promotes_a_record_of_this_image_and_commit_and_says_so_before_it_starts()
    {
        await WriteRecordAsync(PromoteFixture.Image, _head);

        // The digest is made up, so no registry holds it: the registry check is the pin verification tests' subject.
        var outcome = await _fixture.PromoteAsync("BumpGitOps", "--skip", "--no-verify-image");

        outcome.ExitCode.Should().Be(BuildOutcome.Success, Output);
        var lines = Output.Split('\n').ToList();
        var settings = lines.IndexOf("Settings (value, then where it came from):");
        settings.Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(lines.FindIndex(l => l.StartsWith("── BumpGitOps", StringComparison.Ordinal)));
        Output.Should().MatchRegex($@"image to promote\s+{PromoteFixture.Image}:{_head[..7]}@{Digest}\s+artifacts/image.json, written by './build.sh Rehearse'");
        _fixture.Read("gitops/deploy.yaml").Should().Contain($"image: {PromoteFixture.Image}:{_head[..7]}@{Digest}");
    }

    [Fact]
    public async Task The_origin_is_added_to_the_record_as_json_for_people_and_read_back()
    {
        var path = Path.Combine(_fixture.Root, "record.json");
        await File.WriteAllTextAsync(path, """{ "mediaType": "application/vnd.oci.image.index.v1+json" }""");
        var origin = new ImageOrigin("./build.sh Promote --image <x>", "CaptureDigest", _head, "ghcr.io", new DateTimeOffset(2026, 11, 22, 10, 4, 1, TimeSpan.Zero));

        await origin.StampAsync(path, CancellationToken.None);

        var text = await File.ReadAllTextAsync(path);
        text.Should().Contain("\"application/vnd.oci.image.index.v1+json\"").And.Contain("\"./build.sh Promote --image <x>\"").And.NotContain("\\u00");
        ImageOrigin.Read(path).Should().Be(origin);
    }

    private async Task WriteRecordAsync(string repository, string commit)
    {
        var record = new
        {
            repository,
            tags = new[] { commit[..7] },
            digest = Digest,
            reference = $"{repository}:{commit[..7]}@{Digest}",
            mediaType = "application/vnd.oci.image.index.v1+json",
            platforms = new[] { new { platform = "linux/amd64", digest = Digest, mediaType = "application/vnd.oci.image.manifest.v1+json", size = 1 } },
            sourceCommit = commit,
            captured = true,
        };
        var path = Path.Combine(_fixture.Root, "artifacts", "image.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(record));
        await new ImageOrigin("./build.sh Rehearse", "CaptureDigest", commit, repository.Split('/')[0], new DateTimeOffset(2026, 11, 22, 10, 4, 1, TimeSpan.Zero))
            .StampAsync(path, CancellationToken.None);
    }
}
