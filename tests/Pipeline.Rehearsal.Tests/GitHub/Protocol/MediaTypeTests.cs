using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Protocol;

/// <summary>GitHub's media types: raw, object and html for contents, sha and diff for commits; 415 where none exists.</summary>
public sealed class MediaTypeTests
{
    private const string R = GitHubFixture.Prefix;

    private static Dictionary<string, string?> Accept(string value) => new() { ["Accept"] = value };

    [Theory]
    [InlineData("application/vnd.github.raw")]
    [InlineData("application/vnd.github.v3.raw")]
    [InlineData("application/vnd.github.raw+json")]
    public async Task Contents_in_the_raw_media_type_are_the_file_bytes(string accept)
    {
        await using var f = await GitHubFixture.StartAsync();

        var raw = await f.Api.GetAsync(R + "/contents/env/dev/values.yaml", Accept(accept));

        raw.Status.Should().Be(200);
        raw.Text.Should().Be("image:\n  tag: v1 # pinned\n");
        raw.Headers["Content-Type"].Should().StartWith(accept.Replace("+json", "", StringComparison.Ordinal) + ";", "GitHub answers in the media type asked for");
    }

    [Fact]
    public async Task Contents_of_a_folder_in_the_object_media_type_are_an_object_with_entries()
    {
        await using var f = await GitHubFixture.StartAsync();

        var folder = await f.Api.GetAsync(R + "/contents/env", Accept("application/vnd.github.object"));

        folder.Status.Should().Be(200);
        folder["type"].Should().Be("dir");
        folder.Body["entries"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).Should().Equal("dev", "prod");
    }

    [Fact]
    public async Task Contents_in_the_html_media_type_are_an_html_fragment()
    {
        await using var f = await GitHubFixture.StartAsync();

        var html = await f.Api.GetAsync(R + "/contents/README.md", Accept("application/vnd.github.html"));

        html.Status.Should().Be(200);
        html.Headers["Content-Type"].Should().StartWith("application/vnd.github.html");
        html.Text.Should().Contain("# gitops").And.StartWith("<div");
    }

    [Fact]
    public async Task A_media_type_the_operation_does_not_have_is_415()
    {
        await using var f = await GitHubFixture.StartAsync();

        var diffOfContents = await f.Api.GetAsync(R + "/contents/README.md", Accept("application/vnd.github.diff"));
        var rawOfRepository = await f.Api.GetAsync(R, Accept("application/vnd.github.v3.raw"));
        var preview = await f.Api.GetAsync(R, Accept("application/vnd.github.machine-man-preview+json"));

        diffOfContents.Status.Should().Be(415);
        diffOfContents.Message.Should().Contain("application/vnd.github.diff");
        rawOfRepository.Status.Should().Be(415);
        preview.Status.Should().Be(200, "preview media types are plain JSON today");
    }

    [Fact]
    public async Task A_commit_in_the_sha_and_diff_media_types()
    {
        await using var f = await GitHubFixture.StartAsync();
        var sha = await Branches.CommitFileAsync(f, "main", "README.md", "# changed\n");

        var asSha = await f.Api.GetAsync(R + "/commits/main", Accept("application/vnd.github.sha"));
        var diff = await f.Api.GetAsync(R + "/commits/" + sha, Accept("application/vnd.github.diff"));

        asSha.Text.Should().Be(sha);
        diff.Text.Should().StartWith("diff --git a/README.md b/README.md").And.Contain("+# changed");
    }

    [Fact]
    public async Task A_blob_in_the_raw_media_type_is_its_bytes()
    {
        await using var f = await GitHubFixture.StartAsync();
        var sha = (await f.Api.GetAsync(R + "/contents/README.md"))["sha"];

        var raw = await f.Api.GetAsync(R + "/git/blobs/" + sha, Accept("application/vnd.github.raw"));

        raw.Text.Should().Be("# gitops\n");
    }
}
